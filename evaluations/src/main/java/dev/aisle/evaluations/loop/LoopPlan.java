package dev.aisle.evaluations.loop;

import java.nio.file.Path;

/**
 * What one closed-loop run does.
 *
 * @param baseModel         "default" or a model directory: the model answers are sampled from and DPO starts at
 * @param trainQuestions    training-split questions, each answered {@code answersPerQuestion} times
 * @param answersPerQuestion answers per training question: the one the comparison's decoding gives (greedy by
 *                          default: DPO then moves what the assistant serves) and the rest sampled at
 *                          {@code sampleTemperature}; the judge's best and worst of them form the question's pair
 * @param heldOutQuestions  held-out questions on which base and new model are compared
 * @param sampleTemperature temperature of the sampled answers per training question
 * @param evalTemperature   temperature of the comparison (0: greedy, what the assistant serves by default)
 * @param maxNewTokens      answer length limit; 0 keeps the served configuration's ({@link
 *                          dev.aisle.engine.assistant.AssistantConfig#defaults()})
 * @param inFlight          questions open at once (the scheduler batches them)
 * @param beta              DPO β
 * @param rpoAlpha          weight of the chosen answers' per-token NLL added to the DPO loss (RPO); 0 = plain DPO
 * @param epochs            passes of DPO over the judged pairs
 * @param batch             pairs per DPO step
 * @param learningRate      DPO peak learning rate
 * @param maxLength         longest prompt + answer trained on, in tokens; 0 = the base model's context length
 * @param seed              question choice, sampling and bootstrap
 * @param out               run directory: feedback store, pairs, model, report
 * @param answerCache       where answers are kept by model weights, configuration and question, so that a rerun
 *                          with other training settings reuses the base model's answers; null decodes everything
 * @param pairs             which two of a question's answers form its preference pair
 * @param judge             which ground-truth checks the rule judge scores with, for labelling and comparing alike
 */
public record LoopPlan(String baseModel, int trainQuestions, int answersPerQuestion, int heldOutQuestions, double sampleTemperature,
                       double evalTemperature, int maxNewTokens, int inFlight, double beta, double rpoAlpha, double epochs, int batch,
                       double learningRate, int maxLength, long seed, Path out, Path answerCache,
                       PairChoice pairs, RuleJudge.Rules judge) {

    /** Which two of a training question's answers the judge's verdict is recorded for. */
    public enum PairChoice {
        /** The judge's best against its worst: the widest pair the answers allow. */
        BEST_WORST,
        /**
         * The best against the served (first, greedy) answer whenever a sampled answer beat it, else the served
         * answer against the worst: every pair then says how the served answer should change, instead of
         * pushing down a sampled answer the served policy would not give.
         */
        BEST_SERVED,
        /**
         * Of the pairs in which the judge prefers one of the question's best answers (within its tie margin) to
         * another answer, the one whose answers differ least in length: DPO then cannot learn length as what
         * the judge values (its classic failure; the session-4 models drifted to a short stock answer).
         */
        LENGTH_MATCHED
    }

    public LoopPlan {
        if (judge == null) {
            throw new IllegalArgumentException("judge rules must be given (ISSUE or BOUND_PRICES)");
        }
        if (pairs == null) {
            throw new IllegalArgumentException("pair choice must be given (BEST_WORST or BEST_SERVED)");
        }
        if (trainQuestions < 1 || heldOutQuestions < 1) {
            throw new IllegalArgumentException("need at least one training and one held-out question, got "
                    + trainQuestions + " and " + heldOutQuestions);
        }
        if (answersPerQuestion < 2) {
            throw new IllegalArgumentException("need at least two answers per training question to form a pair, got "
                    + answersPerQuestion);
        }
        if (!(sampleTemperature > 0)) {
            throw new IllegalArgumentException("sample temperature must be > 0 so that two answers can differ, got "
                    + sampleTemperature);
        }
        if (!(rpoAlpha >= 0)) {
            throw new IllegalArgumentException("rpo alpha must be >= 0 (0: plain DPO), got " + rpoAlpha);
        }
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("DPO epochs must be > 0, got " + epochs);
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("max length must be > 0, or 0 for the model's context length; got " + maxLength);
        }
        if (evalTemperature < 0 || maxNewTokens < 0) {
            throw new IllegalArgumentException("eval temperature must be >= 0 and max new tokens >= 0 (0: as served), got "
                    + evalTemperature + " and " + maxNewTokens);
        }
    }
}
