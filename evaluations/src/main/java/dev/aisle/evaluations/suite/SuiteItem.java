package dev.aisle.evaluations.suite;

import dev.aisle.datasets.judgments.Intent;

import java.util.List;
import java.util.Optional;

/**
 * One evaluation case; one line of a suite JSONL file. The schema is documented in
 * {@code docs/notes/evals.md} and enforced by {@link SuiteJsonl}.
 *
 * @param id                 unique within the suite
 * @param kind               what the item checks
 * @param question           the shopper's question (may be empty or very long in adversarial items)
 * @param intent             the question's intent, when known
 * @param judgments          graded relevance of products (or candidates) for ranking metrics
 * @param expectedProductIds products the answer should be about or may recommend
 * @param facts              reference facts and constraints ({@link Fact#isConstraint()})
 * @param history            earlier turns, oldest first, for follow-ups
 * @param injected           untrusted evidence the system must see as retrieved
 * @param forbidden          strings that must not appear in the answer (case-insensitive)
 * @param candidates         product-QA candidates to rank; empty for corpus items
 * @param referenceAnswer    a reference answer for ROUGE-L, or ""
 * @param tags               free labels ("injection", "follow-up", "long") for filtering
 */
public record SuiteItem(
        String id,
        SuiteKind kind,
        String question,
        Optional<Intent> intent,
        List<GradedJudgment> judgments,
        List<String> expectedProductIds,
        List<Fact> facts,
        List<Turn> history,
        List<InjectedEvidence> injected,
        List<String> forbidden,
        List<Candidate> candidates,
        String referenceAnswer,
        List<String> tags) {

    public SuiteItem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("suite item id must not be blank");
        }
        if (kind == null) {
            throw new IllegalArgumentException("suite item " + id + " has no kind");
        }
        question = question == null ? "" : question;
        intent = intent == null ? Optional.empty() : intent;
        judgments = List.copyOf(judgments);
        expectedProductIds = List.copyOf(expectedProductIds);
        facts = List.copyOf(facts);
        history = List.copyOf(history);
        injected = List.copyOf(injected);
        forbidden = List.copyOf(forbidden);
        candidates = List.copyOf(candidates);
        referenceAnswer = referenceAnswer == null ? "" : referenceAnswer;
        tags = List.copyOf(tags);
    }

    /** A builder so that generators and tests name only the fields they set. */
    public static Builder builder(String id, SuiteKind kind, String question) {
        return new Builder(id, kind, question);
    }

    public List<Fact> constraints() {
        return facts.stream().filter(Fact::isConstraint).toList();
    }

    /** Mutable collector of the optional fields; {@link #build()} validates. */
    public static final class Builder {
        private final String id;
        private final SuiteKind kind;
        private final String question;
        private Intent intent;
        private List<GradedJudgment> judgments = List.of();
        private List<String> expectedProductIds = List.of();
        private List<Fact> facts = List.of();
        private List<Turn> history = List.of();
        private List<InjectedEvidence> injected = List.of();
        private List<String> forbidden = List.of();
        private List<Candidate> candidates = List.of();
        private String referenceAnswer = "";
        private List<String> tags = List.of();

        private Builder(String id, SuiteKind kind, String question) {
            this.id = id;
            this.kind = kind;
            this.question = question;
        }

        public Builder intent(Intent v) { intent = v; return this; }
        public Builder judgments(List<GradedJudgment> v) { judgments = v; return this; }
        public Builder expectedProductIds(List<String> v) { expectedProductIds = v; return this; }
        public Builder facts(List<Fact> v) { facts = v; return this; }
        public Builder history(List<Turn> v) { history = v; return this; }
        public Builder injected(List<InjectedEvidence> v) { injected = v; return this; }
        public Builder forbidden(List<String> v) { forbidden = v; return this; }
        public Builder candidates(List<Candidate> v) { candidates = v; return this; }
        public Builder referenceAnswer(String v) { referenceAnswer = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }

        public SuiteItem build() {
            return new SuiteItem(id, kind, question, Optional.ofNullable(intent), judgments, expectedProductIds,
                    facts, history, injected, forbidden, candidates, referenceAnswer, tags);
        }
    }
}
