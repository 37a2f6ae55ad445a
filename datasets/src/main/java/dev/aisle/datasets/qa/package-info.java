/** Community questions and answers. */
package dev.aisle.datasets.qa;
