package dev.aisle.evaluations.run;

import dev.aisle.evaluations.suite.Suite;

import java.util.List;

/** Turns a configuration name given on the command line into a system to evaluate. */
public interface SystemResolver {

    /** @throws IllegalArgumentException naming the configuration and what is available */
    SystemUnderTest resolve(String configName, Suite suite) throws Exception;

    /** Configuration names this resolver knows, for error messages and help. */
    List<String> known();

    /** The configuration used when none is given for this suite. */
    String defaultFor(Suite suite);
}
