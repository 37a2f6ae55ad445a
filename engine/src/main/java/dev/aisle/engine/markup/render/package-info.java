/**
 * The one render model of an answer ({@link dev.aisle.engine.markup.render.RenderNode}s) and the
 * renderers that read it: plain text / ANSI for the terminal and self-contained HTML for reports.
 * The workbench builds its RichTextFX view from the same nodes through a
 * {@link dev.aisle.engine.markup.render.RenderListener}.
 *
 * <p>Every string in a node that came from the model, the catalogue or the evidence is data, never
 * markup: the HTML renderer escapes all of it and the terminal renderer strips control characters.
 */
package dev.aisle.engine.markup.render;
