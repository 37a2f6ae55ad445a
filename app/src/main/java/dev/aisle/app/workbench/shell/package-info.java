/**
 * The window around the views: sidebar navigation, the error banner (every failure shows here,
 * never only in a log), the status bar with the engine's readiness, and the startup screen that
 * shows progress while the corpus, index and model are prepared.
 */
package dev.aisle.app.workbench.shell;
