/**
 * Side-by-side: one question answered by two configurations at once (both through the batcher),
 * streaming next to each other; the judge's A / B / tie / both-bad verdict, given by keyboard, is
 * stored as a preference in the feedback store.
 */
package dev.aisle.app.workbench.compare;
