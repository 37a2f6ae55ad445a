/** Settings: the configurations the assistant can answer with, where state lives, the theme, and loaded plugins with their errors. */
package dev.aisle.app.workbench.settings;
