/** Keyboard shortcuts: one registry every view adds its actions to, and the overlay (F1 or ?) that lists them. */
package dev.aisle.app.workbench.help;
