/**
 * The JavaFX workbench: {@link dev.aisle.app.workbench.WorkbenchApp} opens the window,
 * {@link dev.aisle.app.workbench.Workbench} wires views, ViewModels and engine services.
 * One package per view; {@code service} is the workbench's view of the engine.
 */
package dev.aisle.app.workbench;
