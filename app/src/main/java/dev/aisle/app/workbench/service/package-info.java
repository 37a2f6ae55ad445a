/**
 * The workbench's view of the engine: small interfaces (answers, metrics, feedback, startup
 * progress, evaluations, training) that the ViewModels depend on, so they can be tested without
 * the engine or the FX toolkit. The {@code engine} sub-package implements them on the real engine.
 */
package dev.aisle.app.workbench.service;
