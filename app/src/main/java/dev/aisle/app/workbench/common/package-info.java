/**
 * Plumbing shared by all views: how work leaves the FX thread ({@link dev.aisle.app.workbench.common.BackgroundTask})
 * and how results come back coalesced per pulse ({@link dev.aisle.app.workbench.common.FxDispatcher}).
 */
package dev.aisle.app.workbench.common;
