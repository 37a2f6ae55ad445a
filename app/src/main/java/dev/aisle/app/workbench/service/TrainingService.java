package dev.aisle.app.workbench.service;

import java.util.List;
import java.util.function.Consumer;

/** Preference training (DPO / KTO) from the feedback store. Blocking: use an executor. */
public interface TrainingService {

    /** How many preference pairs and rated answers the feedback store holds now. */
    FeedbackCounts feedbackCounts();

    /** Trains and returns the registered model; {@code curve} gets one point per logged step. */
    Result train(Request request, Consumer<CurvePoint> curve) throws Exception;

    /** Stops a running training after the current step. */
    void stop();

    /** Amounts of feedback available. */
    record FeedbackCounts(int preferencePairs, int ratedAnswers) {
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
        }
    }

    enum Method {
        DPO, KTO
    }

    /** One logged step: loss and the reward margin (chosen minus rejected). */
    record CurvePoint(int step, double loss, double rewardMargin) {
    }

    /** The trained model, registered as a configuration the chat can switch to. */
    record Result(String modelDir, AssistantConfig config, String summary) {
    }

    /** The configurations produced so far. */
    List<AssistantConfig> registered();
}
