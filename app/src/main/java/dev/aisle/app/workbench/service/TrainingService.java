package dev.aisle.app.workbench.service;

import java.util.List;
import java.util.function.Consumer;

/** Preference training (DPO / KTO) from the feedback store. Blocking: use an executor. */
public interface TrainingService {

    /** What the feedback store holds now, and how much of it each method can train on. */
    FeedbackCounts feedbackCounts();

    /** Trains and returns the registered model; {@code curve} gets one point per step (from the training thread). */
    Result train(Request request, Consumer<CurvePoint> curve) throws Exception;

    /**
     * Stops a running training after the current step; the steps done so far become the model.
     * Returns at once (it only asks), so it may be called from the UI thread.
     */
    void stop();

    /**
     * Amounts of feedback.
     *
     * @param preferencePairs DPO pairs the export yields (pairs with a winner)
     * @param ratedAnswers    KTO answers the export yields (thumbs that do not cancel out)
     * @param preferences     preference labels stored (ties and both-bad included)
     * @param ratings         thumbs stored
     */
    record FeedbackCounts(int preferencePairs, int ratedAnswers, long preferences, long ratings) {

        /** Examples {@code method} would train on. */
        public int examplesFor(Method method) {
            return method == Method.DPO ? preferencePairs : ratedAnswers;
        }
    }

    /** What to train. */
    record Request(Method method, int steps, double learningRate, double beta) {
        public Request {
            if (steps <= 0) {
                throw new IllegalArgumentException("steps must be > 0, got " + steps);
            }
            if (learningRate <= 0) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
            }
            if (!(beta > 0)) {
                throw new IllegalArgumentException("β must be > 0, got " + beta);
            }
        }
    }

    enum Method {
        DPO, KTO;

        /** The fewest examples a run needs: one pair, or two answers (KTO's KL estimate pairs answers up). */
        public int minimumExamples() {
            return this == DPO ? 1 : 2;
        }
    }

    /** One step as the trainer logged it: loss and the implicit rewards (β·log-ratio to the reference). */
    record CurvePoint(int step, double loss, double rewardChosen, double rewardRejected, double rewardMargin,
                      double accuracy) {
    }

    /** The trained model, registered as a configuration the chat can switch to. */
    record Result(String modelDir, AssistantConfig config, String summary) {
    }

    /** The configurations produced so far. */
    List<AssistantConfig> registered();
}
