package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.evaluations.loop.ClosedLoop;
import dev.aisle.evaluations.loop.LoopPlan;
import dev.aisle.evaluations.loop.LoopReport;
import dev.aisle.evaluations.loop.RuleJudge;
import dev.aisle.evaluations.stats.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "closed-loop", mixinStandardHelpOptions = true,
        description = "Feedback in, a better model out, measured: a rule judge that knows the corpus' ground truth labels "
                + "pairs from several answers per training question into a feedback store (by default the best against the served "
                + "one); DPO with an NLL term on the export; "
                + "then the judge compares new and base model on held-out questions (preference with a bootstrap 95%% interval, "
                + "markup validity).")
public final class BenchClosedLoopCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "default", description = "base model: 'default' or a directory (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--train-questions", defaultValue = "400", description = "training-split questions, --answers answers each (default: ${DEFAULT-VALUE})")
    int trainQuestions;

    @Option(names = "--answers", defaultValue = "4", description = "answers per training question: the served (greedy) one and the rest sampled; "
            + "--pairs picks the pair from them (default: ${DEFAULT-VALUE})")
    int answersPerQuestion;

    @Option(names = "--heldout-questions", defaultValue = "150", description = "held-out questions compared (default: ${DEFAULT-VALUE})")
    int heldOutQuestions;

    @Option(names = "--sample-temperature", defaultValue = "0.9", description = "temperature of the sampled answers (default: ${DEFAULT-VALUE})")
    double sampleTemperature;

    @Option(names = "--eval-temperature", defaultValue = "0", description = "temperature of the comparison, 0 = greedy (default: ${DEFAULT-VALUE})")
    double evalTemperature;

    @Option(names = "--max-new-tokens", defaultValue = "0", description = "answer length limit; 0 = the served configuration's "
            + "(default: ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--in-flight", defaultValue = "16", description = "questions open at once (default: ${DEFAULT-VALUE})")
    int inFlight;

    @Option(names = "--beta", defaultValue = "0.1", description = "DPO β (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--rpo-alpha", defaultValue = "1.0", description = "weight of the chosen answers' per-token negative "
            + "log-likelihood added to the DPO loss (RPO); 0 = plain DPO (default: ${DEFAULT-VALUE})")
    double rpoAlpha;

    @Option(names = "--epochs", defaultValue = "1", description = "DPO passes over the judged pairs (default: ${DEFAULT-VALUE})")
    double epochs;

    @Option(names = "--batch", defaultValue = "4", description = "pairs per DPO step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "DPO peak learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--max-length", defaultValue = "0", description = "longest prompt + answer trained on, in tokens; "
            + "0 = the model's context length (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--seed", defaultValue = "7", description = "questions, sampling and bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: AISLE_HOME/runs/<time>-closed-loop)")
    Path out;

    @Option(names = "--answer-cache", paramLabel = "DIR", description = "keep answers here by model weights, configuration and "
            + "question, and reuse them: a rerun with other DPO settings does not decode the base model's answers again")
    Path answerCache;

    @Option(names = "--compare-model", paramLabel = "DIR", description = "skip sampling, labelling and DPO: compare this "
            + "already trained model against --model on the held-out questions (e.g. a finished run's model on more questions)")
    Path compareModel;

    @Option(names = "--pairs", defaultValue = "BEST_SERVED", description = "BEST_WORST: the judge's best against its worst "
            + "answer; BEST_SERVED: the best against the served (greedy) answer when a sampled one beat it, else the served "
            + "against the worst; LENGTH_MATCHED: of the pairs in which one of the best answers beats another, the one whose "
            + "answers differ least in length (default: ${DEFAULT-VALUE})")
    LoopPlan.PairChoice pairs;

    @Option(names = "--judge", defaultValue = "BOUND_PRICES", description = "the rule judge's checks, for labelling and comparing alike: "
            + "ISSUE: intent fit + groundedness + constraint satisfaction + markup validity - made-up products; BOUND_PRICES: "
            + "the same plus price_rating_binding (a price or rating must be the named product's own) (default: ${DEFAULT-VALUE})")
    RuleJudge.Rules judge;

    @Option(names = "--json", description = "print the report as one JSON object on stdout")
    boolean json;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch intra-op threads for DPO, 0 = PyTorch's choice (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        TrainOptions.applyThreads(threads);
        AisleHome home = AisleHome.fromEnvironment();
        Path dir = out != null ? out : home.runsDir().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-closed-loop");
        LoopPlan plan = new LoopPlan(model, trainQuestions, answersPerQuestion, heldOutQuestions, sampleTemperature, evalTemperature, maxNewTokens,
                inFlight, beta, rpoAlpha, epochs, batch, lr, maxLength, seed, dir, answerCache, pairs, judge);
        if (compareModel != null && !java.nio.file.Files.isDirectory(compareModel)) {
            throw new IllegalArgumentException("--compare-model " + compareModel + ": no such model directory");
        }
        PrintStream err = System.err;
        err.println("closed loop: run directory " + dir);
        LoopReport r;
        try (AssistantRuntime runtime = AssistantRuntime.open(home, List.of(), err)) {
            ClosedLoop loop = new ClosedLoop(runtime, err);
            r = compareModel != null ? loop.compareOnly(plan, compareModel) : loop.run(plan);
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            if (compareModel != null) {
                System.out.printf(Locale.ROOT, "plan: compare only, %d held out; max new tokens %s; judge %s%n", heldOutQuestions,
                        maxNewTokens > 0 ? maxNewTokens : "as served", judge);
            } else {
                System.out.printf(Locale.ROOT, "plan: %d training questions x %d answers (sampled at %.2f), %d held out; DPO beta %.2f, "
                                + "RPO alpha %.2f, lr %.1e, %.1f epochs of batch %d; max new tokens %s; pairs %s; judge %s%n", trainQuestions,
                        answersPerQuestion, sampleTemperature, heldOutQuestions, beta, rpoAlpha, lr, epochs, batch,
                        maxNewTokens > 0 ? maxNewTokens : "as served", pairs, judge);
            }
            print(r, System.out);
        }
        return 0;
    }

    static void print(LoopReport r, PrintStream out) {
        if (r.trainQuestions() == 0) {
            out.printf(Locale.ROOT, "base %s%nnew  %s (trained before: compared only; snapshot %s)%n", r.baseModel(), r.newModel(),
                    r.feedbackSnapshot());
        } else {
            printTraining(r, out);
        }
        out.printf(Locale.ROOT, "held out: %d questions, new wins %d, loses %d, ties %d%n", r.heldOutQuestions(), r.wins(),
                r.losses(), r.heldOutTies());
        r.byIntent().forEach((intent, t) -> out.printf(Locale.ROOT, "  %-16s wins %3d, loses %3d, ties %3d%n", intent,
                t.wins(), t.losses(), t.ties()));
        out.printf(Locale.ROOT, "judge (%s) prefers new (ties = 1/2): %s   among decided pairs: %s%n", r.judge(),
                pct(r.preference()), pct(r.decided()));
        if (!"ISSUE".equals(r.judge())) {
            LoopReport.Tally t = r.issueJudge().tally();
            out.printf(Locale.ROOT, "the issue's judge on the same answers: new wins %d, loses %d, ties %d; prefers new %s%n", t.wins(),
                    t.losses(), t.ties(), pct(r.issueJudge().preference()));
        }
        out.printf(Locale.ROOT, "markup validity: base %.3f, new %.3f, new - base %s%n", r.markupValidity().base(),
                r.markupValidity().newModel(), diff(r.markupValidity().difference()));
        out.printf(Locale.ROOT, "judge score:     base %.3f, new %.3f, new - base %s%n", r.judgeScore().base(),
                r.judgeScore().newModel(), diff(r.judgeScore().difference()));
        out.printf(Locale.ROOT, "target (>= 60%% preferred, interval above 50%%, markup validity not lower): %s; %.1f minutes%n",
                r.targetMet() ? "met" : "NOT met", r.minutes());
    }

    private static void printTraining(LoopReport r, PrintStream out) {
        out.printf(Locale.ROOT, "base %s%nnew  %s (DPO on %d judged pairs from %d training questions, %d ties; snapshot %s)%n",
                r.baseModel(), r.newModel(), r.pairs() - r.pairsTooLong(), r.trainQuestions(), r.ties(), r.feedbackSnapshot());
        if (r.pairsTooLong() > 0) {
            out.printf(Locale.ROOT, "warning: %d of the %d decided pairs were longer than --max-length and left out of DPO%n",
                    r.pairsTooLong(), r.pairs());
        }
        out.printf(Locale.ROOT, "DPO last 10 steps: %s%n", r.dpoLast());
        LoopReport.PairStats p = r.trainPairs();
        out.printf(Locale.ROOT, "decided training pairs by intent %s; chosen shorter in %d of %d (mean chars chosen %.0f, rejected %.0f)%n",
                p.byIntent(), p.chosenShorter(), r.pairs(), p.chosenChars(), p.rejectedChars());
        out.printf(Locale.ROOT, "ceiling: on the training questions the judge prefers each question's best answer to the served one "
                + "in %.1f%% (ties = 1/2)%n", 100 * p.bestOverServed());
    }

    private static String pct(Interval i) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * i.estimate(), 100 * i.low(), 100 * i.high());
    }

    private static String diff(Interval i) {
        return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", i.estimate(), i.low(), i.high());
    }
}
