package dev.aisle.evaluations.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.assistant.AssistantRuntime;
import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.ModelEntry;
import dev.aisle.engine.feedback.Verdict;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.evaluations.Fixtures;
import dev.aisle.evaluations.metric.Observation;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.SuiteKind;
import dev.aisle.evaluations.system.SystemAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop's stages on real parts: the assistant pipeline on a small corpus, the H2 feedback
 * store, its DPO export and the DPO trainer on a random-weight model. Random weights say nothing
 * about the preference figure, so the labelled answers of the training stage are written by hand.
 */
class ClosedLoopTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private final RuleJudge judge = new RuleJudge();

    private static LoopPlan plan(Path model, Path out) {
        return new LoopPlan(model.toString(), 10, 2, 5, 1.5, 0, 12, 8, 0.1, 0, 2, 2, 1e-4, 768, 11, out, null,
                LoopPlan.PairChoice.BEST_WORST, RuleJudge.Rules.ISSUE);
    }

    @Test
    void sampledTrainingPairsAreJudgedIntoTheStoreBeforeTraining(@TempDir Path root) throws Exception {
        Corpus corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(40)).generate();
        AisleHome home = Fixtures.home(root, corpus);
        Path out = root.resolve("run");
        LoopPlan plan = plan(Fixtures.randomModel(corpus, root), out);

        try (AssistantRuntime runtime = AssistantRuntime.open(home, List.of(), QUIET)) {
            new ClosedLoop(runtime, QUIET).run(plan);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // random weights: the judge tied every pair, or the decided pairs are too long for the tiny model to train
            // on (which of the two depends on what the constrained decoder makes of noise); labelling came first
        }
        try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(out.resolve("feedback")))) {
            assertEquals(10, store.preferences().size(), "every sampled pair was labelled before training was attempted");
            assertTrue(store.preferences().stream().allMatch(p -> p.annotator().equals(ClosedLoop.ANNOTATOR)),
                    "the rule judge labelled them");
            Set<String> heldOut = corpus.evalQuestions().stream().filter(q -> q.split() == Split.HELD_OUT)
                    .map(EvalQuestion::question).collect(Collectors.toSet());
            assertTrue(store.preferences().stream().map(p -> store.turn(store.response(p.responseA()).turnId()).question())
                    .noneMatch(heldOut::contains), "training pairs come from the training split only");
            assertTrue(store.response(store.preferences().get(0).responseA()).prompt().contains("<|assistant|>"),
                    "the stored prompt is the chat layout the model saw");
        }
    }

    @Test
    void aTrainedModelCanBeComparedOnHeldOutQuestionsWithoutTrainingAgain(@TempDir Path root) throws Exception {
        Corpus corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(40)).generate();
        AisleHome home = Fixtures.home(root, corpus);
        Path model = Fixtures.randomModel(corpus, root);
        Path out = root.resolve("run");
        LoopReport r;
        try (AssistantRuntime runtime = AssistantRuntime.open(home, List.of(), QUIET)) {
            r = new ClosedLoop(runtime, QUIET).compareOnly(plan(model, out), model);
        }
        assertEquals(0, r.trainQuestions(), "nothing was sampled or trained");
        assertTrue(Files.notExists(out.resolve("feedback.mv.db")) && Files.notExists(out.resolve("model")));
        assertEquals(5, r.heldOutQuestions());
        assertEquals(5, r.heldOutTies(), "the same weights decode the same greedy answers: every pair ties");
        assertEquals(5, Files.readAllLines(out.resolve("heldout.jsonl")).size());
    }

    @Test
    void allTiedPairsStopWithAReasonBeforeTraining(@TempDir Path root) throws Exception {
        Corpus corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(40)).generate();
        Path out = root.resolve("run");
        Files.createDirectories(out);
        List<JudgedAnswer> first = new ArrayList<>();
        List<JudgedAnswer> second = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SuiteItem item = SuiteItem.builder("t" + i, SuiteKind.ANSWER, "How much is the Acme Trail Runner 2? (" + i + ")")
                    .intent(Intent.PRODUCT_DETAIL).expectedProductIds(List.of(Fixtures.TRAIL)).build();
            first.add(answer(item, "It costs $129.99."));
            second.add(answer(item, "It costs $129.99, a fair price."));
        }
        try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(out.resolve("feedback")))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClosedLoop.learn(store, judge,
                    plan(root.resolve("no-model"), out), root, corpus.contentHash(), List.of(first, second), QUIET));
            assertTrue(e.getMessage().contains("the judge tied all 3 pairs"), e.getMessage());
            assertEquals(3, store.preferences().size());
            assertTrue(store.preferences().stream().allMatch(p -> p.verdict() == Verdict.TIE));
        }
        assertTrue(Files.notExists(out.resolve("model")), "nothing was trained");
    }

    @Test
    void judgedPairsAreExportedTrainedWithDpoAndRegisteredWithTheirSnapshot(@TempDir Path root) throws Exception {
        Corpus corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(40)).generate();
        Path base = Fixtures.randomModel(corpus, root);
        Path out = root.resolve("run");
        Files.createDirectories(out);
        List<JudgedAnswer> first = new ArrayList<>();
        List<JudgedAnswer> second = new ArrayList<>();
        String id = Fixtures.TRAIL;
        for (int i = 0; i < 4; i++) {
            SuiteItem item = SuiteItem.builder("t" + i, SuiteKind.ANSWER, "How much is the Acme Trail Runner 2? (" + i + ")")
                    .intent(Intent.PRODUCT_DETAIL).expectedProductIds(List.of(id)).build();
            JudgedAnswer right = answer(item, "It costs $129.99. <product id=\"" + id + "\"/>");
            JudgedAnswer wrong = answer(item, "It costs $" + (10 + i) + ".00. <product id=\"" + id + "\"/>");
            first.add(i % 2 == 0 ? right : wrong);
            second.add(i % 2 == 0 ? wrong : right);
        }
        first.add(answer(first.get(0).item(), first.get(0).answer().answerText()));
        second.add(answer(first.get(0).item(), first.get(0).answer().answerText()));

        ClosedLoop.Learned learned;
        try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(out.resolve("feedback")))) {
            learned = ClosedLoop.learn(store, judge, plan(base, out), base, corpus.contentHash(), List.of(first, second), QUIET);
            assertEquals(4, learned.pairs());
            assertEquals(1, learned.ties());
            assertEquals(Map.of("PRODUCT_DETAIL", 4), learned.pairStats().byIntent());
            assertEquals(0, learned.pairStats().chosenShorter(), "$129.99 is longer than every wrong price");
            assertTrue(learned.pairStats().chosenChars() > learned.pairStats().rejectedChars());
            ModelEntry tuned = store.models().all().stream().filter(m -> m.stage().equals("dpo")).findFirst().orElseThrow();
            assertEquals(learned.snapshot(), tuned.feedbackSnapshot());
            assertEquals("tiny", store.models().get(tuned.parentId().orElseThrow()).name());
        }
        List<String> pairs = Files.readAllLines(out.resolve("pairs.dpo.jsonl"));
        assertEquals(4, pairs.size());
        ObjectMapper json = new ObjectMapper();
        for (String line : pairs) {
            JsonNode pair = json.readTree(line);
            assertTrue(pair.get("chosen").asText().contains("$129.99"), line);
            assertTrue(pair.get("prompt").asText().endsWith("<|assistant|>"), line);
        }
        JsonNode lineage = json.readTree(learned.model().resolve("aisle.json").toFile());
        assertEquals("dpo", lineage.get("stage").asText());
        assertEquals(base.toAbsolutePath().normalize().toString(), lineage.get("parentModel").asText());
        assertTrue(Files.exists(learned.model().resolve("dpo_log.csv")));
    }

    @Test
    void bestServedPairsTheBestWithTheServedAnswerWhenASampleBeatIt(@TempDir Path root) {
        String id = Fixtures.TRAIL;
        List<List<JudgedAnswer>> rounds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            SuiteItem item = SuiteItem.builder("t" + i, SuiteKind.ANSWER, "How much is the Acme Trail Runner 2? (" + i + ")")
                    .intent(Intent.PRODUCT_DETAIL).expectedProductIds(List.of(id)).build();
            JudgedAnswer right = answer(item, "It costs $129.99. <product id=\"" + id + "\"/>");
            JudgedAnswer wrong = answer(item, "It costs $12.00. <product id=\"" + id + "\"/>");
            JudgedAnswer broken = answer(item, "It costs $12.00. <product id=\"B0NOSUCH01\"/> <oops");
            // question 0: the served answer is wrong, a sample right; question 1: the served answer is the best
            rounds.get(0).add(i == 0 ? wrong : right);
            rounds.get(1).add(i == 0 ? right : wrong);
            rounds.get(2).add(broken);
        }
        for (LoopPlan.PairChoice choice : List.of(LoopPlan.PairChoice.BEST_WORST, LoopPlan.PairChoice.BEST_SERVED)) {
            try (FeedbackStore store = new FeedbackStore(FeedbackDatabase.embedded(root.resolve(choice.name())))) {
                ClosedLoop.Labels labels = ClosedLoop.label(store, judge, root, rounds, choice);
                assertEquals(0, labels.ties());
                assertEquals(Map.of("PRODUCT_DETAIL", 2), labels.pairs().byIntent());
                // the broken answer is the longest, so best against worst always chose the shorter one
                assertEquals(choice == LoopPlan.PairChoice.BEST_SERVED ? 1 : 2, labels.pairs().chosenShorter(), choice.name());
                assertEquals(0.75, labels.pairs().bestOverServed(), 1e-9, "a sample beat the served answer once; once it was the best");
                List<String> rejected = store.preferences().stream()
                        .map(p -> store.response(p.responseB()).modelVersion()).toList();
                List<String> chosen = store.preferences().stream()
                        .map(p -> store.response(p.responseA()).modelVersion()).toList();
                assertEquals(List.of("answer-2", "answer-1"), chosen, choice.name());
                assertEquals(choice == LoopPlan.PairChoice.BEST_SERVED ? List.of("answer-1", "answer-3")
                        : List.of("answer-3", "answer-3"), rejected, choice.name());
            }
        }
    }

    @Test
    void lengthMatchedPairsTheBestWithTheLoserClosestInLength() {
        String id = Fixtures.TRAIL;
        SuiteItem item = SuiteItem.builder("t", SuiteKind.ANSWER, "How much is the Acme Trail Runner 2?")
                .intent(Intent.PRODUCT_DETAIL).expectedProductIds(List.of(id)).build();
        JudgedAnswer rightShort = answer(item, "It costs $129.99. <product id=\"" + id + "\"/>");
        JudgedAnswer rightLong = answer(item, "It costs $129.99, a fair price for a trail shoe. <product id=\"" + id + "\"/>");
        JudgedAnswer wrongLong = answer(item, "It costs $12.00, which is a price you cannot beat at all. <product id=\"" + id + "\"/>");
        JudgedAnswer wrongShort = answer(item, "It costs $12.00. <product id=\"" + id + "\"/>");
        assertEquals(Verdict.TIE, judge.compare(rightShort.score(), rightLong.score()), "both right answers are the best");
        List<JudgedAnswer> answers = List.of(rightShort, wrongLong, rightLong, wrongShort);
        // best against worst takes the first best and the first worst: the short right one against the long wrong one
        assertEquals(List.of(0, 1), List.of(ClosedLoop.pair(judge, answers, LoopPlan.PairChoice.BEST_WORST)[0],
                ClosedLoop.pair(judge, answers, LoopPlan.PairChoice.BEST_WORST)[1]));
        int[] matched = ClosedLoop.pair(judge, answers, LoopPlan.PairChoice.LENGTH_MATCHED);
        int lengthGap = Math.abs(answers.get(matched[0]).answer().answerText().length()
                - answers.get(matched[1]).answer().answerText().length());
        assertEquals(List.of(0, 3), List.of(matched[0], matched[1]), "short right against short wrong, gap " + lengthGap);
        assertEquals(Verdict.A, judge.compare(answers.get(matched[0]).score(), answers.get(matched[1]).score()));
        List<JudgedAnswer> allEqual = List.of(rightShort, rightLong);
        assertEquals(List.of(0, 1), List.of(ClosedLoop.pair(judge, allEqual, LoopPlan.PairChoice.LENGTH_MATCHED)[0],
                ClosedLoop.pair(judge, allEqual, LoopPlan.PairChoice.LENGTH_MATCHED)[1]), "all tied: the first two, tied");
    }

    @Test
    void heldOutComparisonCountsWinsLossesAndTies() {
        SuiteItem advice = SuiteItem.builder("h", SuiteKind.ANSWER, "q").intent(Intent.ADVICE).build();
        SuiteItem detail = SuiteItem.builder("d", SuiteKind.ANSWER, "q").intent(Intent.PRODUCT_DETAIL).build();
        double[][] newVsBase = {{3, 1}, {3, 1}, {3, 1}, {1, 3}, {1.5, 2}};
        List<JudgedAnswer> base = new ArrayList<>();
        List<JudgedAnswer> tuned = new ArrayList<>();
        for (double[] s : newVsBase) {
            SuiteItem item = s[0] < s[1] ? detail : advice;
            tuned.add(new JudgedAnswer(item, "{}", "{}", null, new JudgeScore(1, s[0] - 2, 0, 1, 0)));
            base.add(new JudgedAnswer(item, "{}", "{}", null, new JudgeScore(1, s[1] - 2, 0, 0.5, 0)));
        }
        LoopReport r = ClosedLoop.compare(judge, 1, Path.of("base"),
                new ClosedLoop.Learned(Path.of("new"), "r0-p4", 10, 8, 0, 2, Map.of(), null), base, tuned, 1);
        assertEquals(3, r.wins());
        assertEquals(1, r.losses());
        assertEquals(1, r.heldOutTies());
        assertEquals(0.7, r.preference().estimate(), 1e-9);
        assertEquals(0.75, r.decided().estimate(), 1e-9);
        assertEquals(0.5, r.markupValidity().base(), 1e-9);
        assertEquals(1.0, r.markupValidity().newModel(), 1e-9);
        assertTrue(r.preference().low() <= 0.7 && r.preference().high() >= 0.7);
        assertEquals(Map.of("ADVICE", new LoopReport.Tally(3, 0, 0), "PRODUCT_DETAIL", new LoopReport.Tally(0, 1, 1)),
                r.byIntent());
        assertEquals(new LoopReport.Tally(3, 1, 1), r.issueJudge().tally(), "the issue's judge is this run's judge");
        assertEquals(0.7, r.issueJudge().preference().estimate(), 1e-9);
    }

    @Test
    void aRunJudgedWithBoundPricesAlsoReportsTheIssuesJudgeOnTheSameAnswers() {
        SuiteItem item = SuiteItem.builder("h", SuiteKind.ANSWER, "q").intent(Intent.STORE_SERVICE).build();
        List<JudgedAnswer> base = new ArrayList<>();
        List<JudgedAnswer> tuned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // new states its prices on the right product twice, the base never; once the new one breaks its markup
            tuned.add(new JudgedAnswer(item, "{}", "{}", null, new JudgeScore(1, 1, 0, i == 3 ? 0.5 : 1, 0, i < 2 ? 1 : 0)));
            base.add(new JudgedAnswer(item, "{}", "{}", null, new JudgeScore(1, 1, 0, 1, 0, 0)));
        }
        LoopReport r = ClosedLoop.compare(new RuleJudge(RuleJudge.Rules.BOUND_PRICES), 1, Path.of("base"),
                new ClosedLoop.Learned(Path.of("new"), "r0-p4", 10, 8, 0, 2, Map.of(), null), base, tuned, 1);
        assertEquals("BOUND_PRICES", r.judge());
        assertEquals(List.of(2, 1, 1), List.of(r.wins(), r.losses(), r.heldOutTies()));
        assertEquals(new LoopReport.Tally(0, 1, 3), r.issueJudge().tally(), "without binding only the broken markup counts");
        assertEquals(1.5 / 4, r.issueJudge().preference().estimate(), 1e-9);
    }

    @Test
    void baseAndNewModelAnswerTheHeldOutQuestionsUnderTheSameConfiguration(@TempDir Path root) {
        for (double temperature : new double[] {0, 0.7}) {
            LoopPlan p = new LoopPlan("default", 10, 2, 5, 1.5, temperature, 0, 8, 0.1, 0, 2, 2, 1e-4, 768, 11, root, null,
                    LoopPlan.PairChoice.BEST_WORST, RuleJudge.Rules.ISSUE);
            var base = ClosedLoop.evaluated(p, "default", "base");
            var tuned = ClosedLoop.evaluated(p, root.resolve("model").toString(), "new");
            assertEquals(base, tuned.withModel("default").withName("base"), "only the model and the name may differ");
            assertEquals(dev.aisle.engine.assistant.AssistantConfig.defaults().maxNewTokens(), base.maxNewTokens(),
                    "the served length limit");
            assertTrue(base.intentLayout() && base.groundedPrices() && base.constrainedMarkup(), "the served constraints");
        }
    }

    private JudgedAnswer answer(SuiteItem item, String text) {
        SystemAnswer a = SystemAnswer.text(text, List.of(Fixtures.evidence().get(0)));
        AnswerTrace trace = new AnswerTrace("t", item.question());
        trace.finish(text, "stop");
        return JudgedAnswer.of(item, trace, a, judge.score(new Observation(item, a, Fixtures.catalogue())));
    }
}
