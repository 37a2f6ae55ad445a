/**
 * The chat console: a multi-turn conversation whose answers stream in token by token, with the
 * markup parser's elements (product cards, comparison tables, citations, links) rendered live in a
 * RichTextFX area and hydrated in place; stop, regenerate, copy, thumbs and reason tags per answer.
 */
package dev.aisle.app.workbench.chat;
