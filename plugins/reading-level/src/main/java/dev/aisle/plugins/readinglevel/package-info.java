/**
 * A sample plugin: an answer metric, the Flesch–Kincaid grade level of the written answer, so a
 * store can watch that its assistant stays readable (a grade around 6–8 reads easily).
 */
package dev.aisle.plugins.readinglevel;
