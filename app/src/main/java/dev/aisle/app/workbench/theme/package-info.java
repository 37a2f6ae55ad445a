/** The workbench's look: AtlantaFX's Primer theme plus the workbench's own stylesheet. */
package dev.aisle.app.workbench.theme;
