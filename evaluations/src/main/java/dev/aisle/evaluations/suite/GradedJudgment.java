package dev.aisle.evaluations.suite;

/**
 * How relevant one document is to an item's question. {@code gain} is the graded relevance used as
 * nDCG gain: 2/1/0/0 for the corpus' E/S/C/I labels ({@code Relevance.grade()}), 0–2 for product-QA
 * candidate labels; grade 2 (Exact, label 2) is relevant for recall and MRR.
 *
 * @param docId a product id, or a candidate id for product-QA items
 */
public record GradedJudgment(String docId, int gain) {

    /** Documents with at least this gain count as relevant for recall and MRR. */
    public static final int RELEVANT_GAIN = 2;

    public GradedJudgment {
        if (docId == null || docId.isBlank()) {
            throw new IllegalArgumentException("judgment docId must not be blank");
        }
        if (gain < 0) {
            throw new IllegalArgumentException("judgment gain must be >= 0, got " + gain + " for " + docId);
        }
    }

    public boolean relevant() {
        return gain >= RELEVANT_GAIN;
    }
}
