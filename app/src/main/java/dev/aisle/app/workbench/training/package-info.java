/** Preference training from the workbench: DPO or KTO on the current feedback, live loss and reward curves, and switching the chat to the result. */
package dev.aisle.app.workbench.training;
