package dev.aisle.datasets.judgments;

/** Evaluation material is split by seed; models train on TRAIN only. */
public enum Split { TRAIN, HELD_OUT }
