package dev.aisle.app.workbench.common;

/** Where ViewModels send failures so the window shows them (the shell's error banner). */
@FunctionalInterface
public interface ErrorReporter {

    /** Reports a failure; {@code where} names the action that failed, e.g. "Saving feedback". */
    void report(String where, String message);

    static ErrorReporter ignoring() {
        return (where, message) -> { };
    }
}
