package dev.aisle.evaluations.run;

import dev.aisle.evaluations.system.AnswerSystem;
import dev.aisle.evaluations.system.Configuration;

/** A configuration and the system that runs it. */
public record SystemUnderTest(Configuration configuration, AnswerSystem system) {
}
