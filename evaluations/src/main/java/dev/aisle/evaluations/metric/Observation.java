package dev.aisle.evaluations.metric;

import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.SystemAnswer;

/** One item, the system's answer to it and the catalogue: everything a metric scores. */
public final class Observation {

    private final SuiteItem item;
    private final SystemAnswer answer;
    private final Catalogue catalogue;
    private AnswerReading reading;

    public Observation(SuiteItem item, SystemAnswer answer, Catalogue catalogue) {
        this.item = item;
        this.answer = answer;
        this.catalogue = catalogue;
    }

    public SuiteItem item() {
        return item;
    }

    public SystemAnswer answer() {
        return answer;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Answer metrics apply to answer and adversarial items, never to pure ranking items. */
    public boolean isAnswerItem() {
        return item.kind() == SuiteKind.ANSWER || item.kind() == SuiteKind.ADVERSARIAL;
    }

    public AnswerReading reading() {
        if (reading == null) {
            reading = new AnswerReading(item, answer, catalogue);
        }
        return reading;
    }
}
