/**
 * A sample plugin: the store's size charts as an evidence source, asked when a question is about
 * size or fit ("do these run small?", "what size glove for a 9 inch hand?").
 */
package dev.aisle.plugins.sizeguide;
