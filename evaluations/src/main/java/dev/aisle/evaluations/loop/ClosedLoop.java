package dev.aisle.evaluations.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewPreference;
import dev.aisle.engine.feedback.NewResponse;
import dev.aisle.engine.feedback.Response;
import dev.aisle.engine.feedback.Verdict;
import dev.aisle.engine.feedback.exchange.ExchangeFormat;
import dev.aisle.engine.feedback.exchange.ExchangeSummary;
import dev.aisle.engine.feedback.exchange.PreferenceExport;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.serving.sampling.SamplingParams;
import dev.aisle.engine.train.preference.PreferenceSettings;
import dev.aisle.engine.train.stage.PreferenceStage;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.run.Progress;
import dev.aisle.evaluations.stats.Bootstrap;
import dev.aisle.evaluations.stats.Interval;
import dev.aisle.evaluations.suite.SuiteGenerator;
import dev.aisle.evaluations.suite.SuiteItem;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Feedback in, a better model out, measured: samples several answers per training question from the
 * base model under the served configuration, lets the {@link RuleJudge} label them as annotator {@value #ANNOTATOR} into a
 * feedback store (the same tables annotators fill), exports the labels as TRL DPO pairs, runs DPO
 * from the base model, registers the result with its lineage, and compares new and base on
 * held-out questions with the same judge.
 */
public final class ClosedLoop {

    public static final String ANNOTATOR = "rule-judge";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final AssistantRuntime runtime;
    private final PrintStream log;
    private final Progress.Listener progress;

    public ClosedLoop(AssistantRuntime runtime, PrintStream log) {
        this.runtime = runtime;
        this.log = log;
        this.progress = Progress.console(log);
    }

    public LoopReport run(LoopPlan plan) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(plan.out());
        RuleJudge judge = new RuleJudge(plan.judge());
        Corpus corpus = runtime.corpus();
        AnswerSampler sampler = sampler(plan, judge);
        Path baseDir = baseDir(plan);

        List<SuiteItem> train = pick(SuiteGenerator.answers(corpus, Split.TRAIN).items(), plan.trainQuestions(), plan.seed());
        List<List<JudgedAnswer>> answers = new ArrayList<>();
        answers.add(sampler.answer("loop: answer 1 of " + plan.answersPerQuestion() + " (train, as served)", train,
                evaluated(plan, plan.baseModel(), "answer-1"), baseDir));
        for (int k = 2; k <= plan.answersPerQuestion(); k++) {
            answers.add(sampler.answer("loop: answer " + k + " of " + plan.answersPerQuestion() + " (train, sampled)", train,
                    sampled(plan, plan.baseModel(), k), baseDir));
        }
        Learned learned;
        try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(plan.out().resolve("feedback")))) {
            learned = learn(store, judge, plan, baseDir, corpus.trainingHash(), answers, log);
        }
        return heldOut(plan, judge, sampler, baseDir, learned, t0);
    }

    /**
     * Only the last step: {@code newModel}, trained before (by an earlier loop or {@code ./aisle train dpo}), against the
     * plan's base model on its held-out questions, with the same judge and report — so that a model can be measured on
     * more held-out questions than the run that made it, without training it again.
     */
    public LoopReport compareOnly(LoopPlan plan, Path newModel) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(plan.out());
        RuleJudge judge = new RuleJudge(plan.judge());
        Path dir = newModel.toAbsolutePath().normalize();
        Learned given = new Learned(dir, new ModelDirectory(dir).readLineage().feedbackSnapshot(), 0, 0, 0, 0, Map.of(),
                LoopReport.PairStats.NONE);
        return heldOut(plan, judge, sampler(plan, judge), baseDir(plan), given, t0);
    }

    private AnswerSampler sampler(LoopPlan plan, RuleJudge judge) {
        Corpus corpus = runtime.corpus();
        return new AnswerSampler(runtime, Catalogue.of(corpus.products()).withProductElements(runtime.markupElements().productIdTags()),
                judge, plan.inFlight(), progress, new AnswerCache(plan.answerCache(), corpus.contentHash()), log);
    }

    private Path baseDir(LoopPlan plan) {
        return AssistantRuntime.resolveModel(runtime.home(), plan.baseModel()).toAbsolutePath();
    }

    private LoopReport heldOut(LoopPlan plan, RuleJudge judge, AnswerSampler sampler, Path baseDir, Learned learned, long t0)
            throws IOException, InterruptedException {
        List<SuiteItem> heldOut = pick(SuiteGenerator.answers(runtime.corpus()).items(), plan.heldOutQuestions(), plan.seed() + 1);
        List<JudgedAnswer> base = sampler.answer("loop: base (held out)", heldOut, evaluated(plan, plan.baseModel(), "base"), baseDir);
        List<JudgedAnswer> tuned = sampler.answer("loop: new (held out)", heldOut,
                evaluated(plan, learned.model().toString(), "new"), learned.model());
        writeHeldOut(plan.out().resolve("heldout.jsonl"), base, tuned);
        LoopReport report = compare(judge, plan.seed(), baseDir, learned, base, tuned, (System.nanoTime() - t0) / 6e10);
        JSON.writeValue(plan.out().resolve("closed-loop.json").toFile(), report);
        return report;
    }

    /** What the labelling and DPO stage produced. */
    record Learned(Path model, String snapshot, int questions, int pairs, int pairsTooLong, int ties, Map<String, Double> dpoLast,
                   LoopReport.PairStats pairStats) {
    }

    /** What labelling recorded: the tied questions and the shape of the decided pairs. */
    record Labels(int ties, LoopReport.PairStats pairs) {
    }

    /**
     * The labelling half of the loop: every answer of every training question goes into {@code store}
     * with the judge's verdict on the question's best against its worst answer; the store's DPO export
     * is trained on, and the result is registered with its parent and the feedback snapshot it learned from.
     *
     * @param answers one list per answer round, each in the order of the training questions
     */
    static Learned learn(FeedbackStore store, RuleJudge judge, LoopPlan plan, Path baseDir, String corpusHash,
                         List<List<JudgedAnswer>> answers, PrintStream log) throws IOException {
        int questions = answers.get(0).size();
        Labels labels = label(store, judge, baseDir, answers, plan.pairs());
        int ties = labels.ties();
        Path pairsFile = plan.out().resolve("pairs.dpo.jsonl");
        ExchangeSummary exported;
        try (Writer w = Files.newBufferedWriter(pairsFile, StandardCharsets.UTF_8)) {
            exported = new PreferenceExport(store).write(ExchangeFormat.DPO, w);
        }
        log.printf("loop: the judge decided %d of %d pairs (%d ties); exported %d DPO pairs at snapshot %s%n",
                questions - ties, questions, ties, exported.examples(), exported.snapshot());
        log.printf(Locale.ROOT, "loop: decided pairs by intent %s; chosen shorter in %d; mean chars chosen %.0f, rejected %.0f; "
                        + "the judge prefers each question's best answer to the served one in %.1f%% (ties 1/2)%n",
                labels.pairs().byIntent(), labels.pairs().chosenShorter(), labels.pairs().chosenChars(), labels.pairs().rejectedChars(),
                100 * labels.pairs().bestOverServed());
        if (exported.examples() == 0) {
            throw new IllegalStateException("the judge tied all " + questions
                    + " pairs: nothing to train on (more --train-questions or a higher --sample-temperature)");
        }
        Path newDir = plan.out().resolve("model").toAbsolutePath();
        int steps = (int) Math.ceil(exported.examples() * plan.epochs() / plan.batch());
        Map<String, Double> dpoLast = PreferenceStage.train(PreferenceStage.Method.DPO, baseDir, pairsFile, newDir,
                PreferenceSettings.schedule(plan.beta(), 1, 1, plan.batch(), PreferenceSettings.orContextLength(plan.maxLength(), baseDir),
                        steps, plan.learningRate(), plan.seed()).withRpoAlpha(plan.rpoAlpha()), log);
        int tooLong = ((Number) new ModelDirectory(newDir).readLineage().extra().getOrDefault("examples_dropped_too_long", 0)).intValue();
        store.models().registerTrained(baseDir.toString(), "sft", newDir.toString(), "dpo", corpusHash, exported.snapshot(),
                "{\"annotator\":\"" + ANNOTATOR + "\"}");
        return new Learned(newDir, exported.snapshot(), questions, exported.examples(), tooLong, ties, dpoLast, labels.pairs());
    }

    /**
     * Every answer of every training question into the store, and the judge's verdict on the question's
     * best against its worst answer (by judge score; the first of equals): one pair per question, the
     * widest the answers allow — or as {@code choice} says ({@link #pair}).
     *
     * @return the number of tied pairs and the shape of the decided ones
     */
    static Labels label(FeedbackStore store, RuleJudge judge, Path baseDir, List<List<JudgedAnswer>> answers,
                        LoopPlan.PairChoice choice) {
        int ties = 0;
        Map<String, Integer> byIntent = new TreeMap<>();
        int chosenShorter = 0;
        long chosenChars = 0;
        long rejectedChars = 0;
        double bestOverServed = 0;
        var conversation = store.startConversation("closed loop: judged answers from " + baseDir.getFileName());
        for (int i = 0; i < answers.get(0).size(); i++) {
            long turn = store.addTurn(conversation.id(), answers.get(0).get(i).item().question()).id();
            List<Response> stored = new ArrayList<>();
            List<JudgedAnswer> ofQuestion = new ArrayList<>();
            for (int k = 0; k < answers.size(); k++) {
                JudgedAnswer a = answers.get(k).get(i);
                ofQuestion.add(a);
                stored.add(store.addResponse(response(turn, baseDir, "answer-" + (k + 1), a)));
            }
            int[] pair = pair(judge, ofQuestion, choice);
            Verdict overServed = judge.compare(best(ofQuestion).score(), ofQuestion.get(0).score());
            bestOverServed += overServed == Verdict.A ? 1 : overServed == Verdict.TIE ? 0.5 : 0;
            int best = pair[0];
            int worst = pair[1];
            JudgedAnswer b = answers.get(best).get(i);
            JudgedAnswer w = answers.get(worst).get(i);
            Verdict v = judge.compare(b.score(), w.score());
            if (v == Verdict.TIE) {
                ties++;
            } else {
                int c = b.answer().answerText().length();
                int r = w.answer().answerText().length();
                byIntent.merge(intent(b.item()), 1, Integer::sum);
                chosenShorter += c < r ? 1 : 0;
                chosenChars += c;
                rejectedChars += r;
            }
            store.prefer(new NewPreference(stored.get(best).id(), stored.get(worst).id(), v, ANNOTATOR,
                    "best " + b.score() + (worst == 0 ? "; served " : "; worst ") + w.score()));
        }
        int questions = answers.get(0).size();
        int decided = questions - ties;
        return new Labels(ties, new LoopReport.PairStats(byIntent, chosenShorter,
                decided == 0 ? 0 : (double) chosenChars / decided, decided == 0 ? 0 : (double) rejectedChars / decided,
                bestOverServed / questions));
    }

    private static JudgedAnswer best(List<JudgedAnswer> answers) {
        JudgedAnswer best = answers.get(0);
        for (JudgedAnswer a : answers) {
            best = a.score().total() > best.score().total() ? a : best;
        }
        return best;
    }

    /**
     * Which two of one question's answers (the served one first) form its pair: {chosen, rejected}.
     * When the judge ties all of them, the first two (a tied pair, which the export leaves out).
     */
    static int[] pair(RuleJudge judge, List<JudgedAnswer> answers, LoopPlan.PairChoice choice) {
        int best = 0;
        int worst = 0;
        for (int k = 0; k < answers.size(); k++) {
            double t = answers.get(k).score().total();
            best = t > answers.get(best).score().total() ? k : best;
            worst = t < answers.get(worst).score().total() ? k : worst;
        }
        if (choice == LoopPlan.PairChoice.BEST_SERVED && best != 0) {
            worst = 0; // a sampled answer beat the served one: that is the pair to learn from
        }
        if (choice == LoopPlan.PairChoice.LENGTH_MATCHED) {
            int[] matched = lengthMatched(judge, answers, best);
            if (matched != null) {
                return matched;
            }
        }
        return new int[] {best, best == worst ? (best == 0 ? 1 : 0) : worst};
    }

    /**
     * Of the pairs in which the judge prefers an answer as good as the best (within its tie margin) to another,
     * the one whose two answers differ least in length (then: the wider score gap, the earlier answers): the pair
     * then says what to write, not how long to write it. Null when no such pair is decided.
     */
    private static int[] lengthMatched(RuleJudge judge, List<JudgedAnswer> answers, int best) {
        int[] pick = null;
        int pickDiff = Integer.MAX_VALUE;
        double pickGap = 0;
        for (int c = 0; c < answers.size(); c++) {
            JudgeScore chosen = answers.get(c).score();
            if (judge.compare(answers.get(best).score(), chosen) != Verdict.TIE) {
                continue; // not among the best
            }
            for (int r = 0; r < answers.size(); r++) {
                JudgeScore rejected = answers.get(r).score();
                if (judge.compare(chosen, rejected) != Verdict.A) {
                    continue;
                }
                int diff = Math.abs(answers.get(c).answer().answerText().length() - answers.get(r).answer().answerText().length());
                double gap = chosen.total() - rejected.total();
                if (diff < pickDiff || diff == pickDiff && gap > pickGap) {
                    pick = new int[] {c, r};
                    pickDiff = diff;
                    pickGap = gap;
                }
            }
        }
        return pick;
    }

    private static String intent(SuiteItem item) {
        return item.intent().map(Object::toString).orElse("none");
    }

    private static NewResponse response(long turn, Path modelDir, String version, JudgedAnswer a) {
        return new NewResponse(turn, modelDir.getFileName().toString(), version, a.configJson(), a.traceJson(),
                a.prompt(), a.answer().answerText());
    }

    /** The judge's verdicts on new vs base per held-out question, with bootstrap intervals. */
    static LoopReport compare(RuleJudge judge, long seed, Path baseDir, Learned learned, List<JudgedAnswer> base,
                              List<JudgedAnswer> tuned, double minutes) {
        int n = base.size();
        double[] pref = new double[n];
        List<Double> decided = new ArrayList<>();
        int wins = 0;
        int losses = 0;
        Map<String, LoopReport.Tally> byIntent = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Verdict v = judge.compare(tuned.get(i).score(), base.get(i).score());
            byIntent.merge(intent(base.get(i).item()), LoopReport.Tally.NONE.plus(v), (a, b) -> a.plus(v));
            pref[i] = v == Verdict.A ? 1 : v == Verdict.B ? 0 : 0.5;
            if (v != Verdict.TIE) {
                decided.add(pref[i]);
                wins += v == Verdict.A ? 1 : 0;
                losses += v == Verdict.B ? 1 : 0;
            }
        }
        Bootstrap bootstrap = new Bootstrap(seed, Bootstrap.DEFAULT_RESAMPLES);
        // The same answers as the issue's judge sees them, so that a run with another judge still reports the issue's figure.
        RuleJudge issue = new RuleJudge(RuleJudge.Rules.ISSUE);
        double[] issuePref = new double[n];
        LoopReport.Tally issueTally = LoopReport.Tally.NONE;
        for (int i = 0; i < n; i++) {
            Verdict v = issue.compare(tuned.get(i).score().asIssueJudge(), base.get(i).score().asIssueJudge());
            issueTally = issueTally.plus(v);
            issuePref[i] = v == Verdict.A ? 1 : v == Verdict.B ? 0 : 0.5;
        }
        Interval decidedShare = decided.isEmpty() ? new Interval(Double.NaN, Double.NaN, Double.NaN)
                : bootstrap.mean(decided.stream().mapToDouble(Double::doubleValue).toArray());
        return new LoopReport(baseDir.toString(), learned.model().toString(), learned.snapshot(), learned.questions(),
                learned.pairs(), learned.pairsTooLong(), learned.ties(), n, wins, losses, n - wins - losses, bootstrap.mean(pref), decidedShare,
                paired(bootstrap, base, tuned, a -> a.score().markupValidity()),
                paired(bootstrap, base, tuned, a -> a.score().total()), learned.dpoLast(), minutes, learned.pairStats(), byIntent,
                judge.rules().name(), new LoopReport.Verdicts(issueTally, bootstrap.mean(issuePref)));
    }

    private static LoopReport.Comparison paired(Bootstrap b, List<JudgedAnswer> base, List<JudgedAnswer> tuned,
                                                ToDoubleFunction<JudgedAnswer> f) {
        double[] d = new double[base.size()];
        double sb = 0;
        double st = 0;
        for (int i = 0; i < d.length; i++) {
            sb += f.applyAsDouble(base.get(i));
            st += f.applyAsDouble(tuned.get(i));
            d[i] = f.applyAsDouble(tuned.get(i)) - f.applyAsDouble(base.get(i));
        }
        return new LoopReport.Comparison(sb / d.length, st / d.length, b.mean(d));
    }

    private static void writeHeldOut(Path file, List<JudgedAnswer> base, List<JudgedAnswer> tuned) throws IOException {
        ObjectMapper line = new ObjectMapper();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < base.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", base.get(i).item().id());
                row.put("question", base.get(i).item().question());
                row.put("base", base.get(i).answer().answerText());
                row.put("baseScore", base.get(i).score());
                row.put("new", tuned.get(i).answer().answerText());
                row.put("newScore", tuned.get(i).score());
                w.write(line.writeValueAsString(row));
                w.write('\n');
            }
        }
    }

    private static AssistantConfig sampled(LoopPlan plan, String model, int sample) {
        return served(plan, model, "sample-" + sample)
                .withSampling(new SamplingParams(plan.sampleTemperature(), 0, 1, plan.seed() * 31 + sample));
    }

    /** How base and new model answer the held-out questions: the same served configuration, only model and name differ. */
    static AssistantConfig evaluated(LoopPlan plan, String model, String name) {
        SamplingParams s = plan.evalTemperature() == 0 ? SamplingParams.GREEDY
                : new SamplingParams(plan.evalTemperature(), 0, 1, plan.seed() * 31 + 7);
        return served(plan, model, name).withSampling(s);
    }

    /**
     * The configuration the assistant serves by default (grounded prices, constrained markup and whatever
     * else it turns on), with only the model, the name and, if the plan sets one, the length limit changed:
     * base and new model are sampled and compared as shoppers would get their answers.
     */
    private static AssistantConfig served(LoopPlan plan, String model, String name) {
        AssistantConfig c = AssistantConfig.defaults().withName(name).withModel(model);
        return plan.maxNewTokens() > 0 ? c.withMaxNewTokens(plan.maxNewTokens()) : c;
    }

    /**
     * {@code n} items, taken round robin over the intents of a seeded shuffle, so that a small
     * run still covers all five intents equally.
     */
    static List<SuiteItem> pick(List<SuiteItem> items, int n, long seed) {
        List<SuiteItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        Map<Object, List<SuiteItem>> byIntent = new LinkedHashMap<>();
        shuffled.forEach(i -> byIntent.computeIfAbsent(i.intent().orElse(null), k -> new ArrayList<>()).add(i));
        List<SuiteItem> out = new ArrayList<>();
        for (int round = 0; out.size() < Math.min(n, items.size()); round++) {
            for (List<SuiteItem> group : byIntent.values()) {
                if (round < group.size() && out.size() < n) {
                    out.add(group.get(round));
                }
            }
        }
        return out;
    }
}
