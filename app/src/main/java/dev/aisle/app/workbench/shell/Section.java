package dev.aisle.app.workbench.shell;

import javafx.scene.input.KeyCode;

/** The workbench's views in sidebar order, each with the digit that opens it (Ctrl+digit). */
public enum Section {
    CHAT("Chat", "Ask and read answers", KeyCode.DIGIT1),
    COMPARE("Side-by-side", "Two configurations, one question", KeyCode.DIGIT2),
    INSPECTOR("Inspector", "Evidence behind an answer", KeyCode.DIGIT3),
    ANNOTATE("Annotate", "Label answers", KeyCode.DIGIT4),
    DASHBOARD("Dashboards", "Serving metrics live", KeyCode.DIGIT5),
    EVALUATIONS("Evaluations", "Suites and results", KeyCode.DIGIT6),
    TRAINING("Training", "DPO / KTO from feedback", KeyCode.DIGIT7),
    SETTINGS("Settings", "Configuration and plugins", KeyCode.DIGIT8);

    private final String title;
    private final String subtitle;
    private final KeyCode key;

    Section(String title, String subtitle, KeyCode key) {
        this.title = title;
        this.subtitle = subtitle;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public KeyCode key() {
        return key;
    }
}
