package dev.aisle.engine.assistant;

import ai.djl.ndarray.NDManager;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.markup.render.RenderListener;
import dev.aisle.engine.model.GenerationDefaults;
import dev.aisle.engine.model.Lineage;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.model.ModelDirectory;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.rag.RagPipeline;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.serving.scheduler.ContinuousScheduler;
import dev.aisle.engine.serving.scheduler.SchedulerConfig;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.TokenizerJson;
import dev.aisle.engine.trace.AnswerTrace;
import dev.aisle.engine.trace.TraceJson;
import dev.aisle.engine.train.data.PretrainingText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline on real parts: a generated corpus, the Lucene + MiniLM index, a tokenizer
 * trained on the corpus, a small random-weight Llama on the DJL CPU backend under the continuous
 * scheduler, the markup parser and the hydrator. Random weights say nothing of answer quality;
 * these tests check the wiring and the trace.
 */
class ShopAssistantTest {

    @TempDir
    static Path home;

    static Corpus corpus;
    static NDManager manager;
    static RagPipeline rag;
    static ShopTokenizer tokenizer;
    static LlamaModel model;
    static CpuBackend backend;
    static ContinuousScheduler scheduler;
    static ExecutorService workers;
    static ShopAssistant assistant;

    @BeforeAll
    static void openPipeline() throws Exception {
        corpus = new CorpusGenerator(7, CorpusGenerator.Options.small(120)).generate();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        rag = RagPipeline.open(new AisleHome(home), corpus, List.of(), quiet);
        BpeTrainer trainer = BpeTrainer.forChat(700);
        new PretrainingText(corpus).training().stream().limit(2000).forEach(d -> trainer.addAll(List.of(d.text())));
        Path tokenizerJson = home.resolve("tokenizer.json");
        TokenizerJson.write(trainer.train(), tokenizerJson);
        tokenizer = ShopTokenizer.load(tokenizerJson);
        manager = NDManager.newBaseManager("PyTorch");
        model = LlamaModel.random(LlamaConfig.of(32, 64, 2, 4, 2, tokenizer.vocabSize(), 2048, true), manager, 3);
        backend = new CpuBackend(model, 512, 16);
        scheduler = new ContinuousScheduler(backend, SchedulerConfig.defaults(tokenizer.specialId(ChatTokens.END)));
        scheduler.start();
        workers = Executors.newCachedThreadPool();
        var hydrator = new dev.aisle.engine.markup.hydrate.Hydrator(id -> corpus.products().stream()
                .filter(p -> p.id().equals(id)).findFirst(), productId -> {
            throw new IllegalStateException("store offline in this test");
        }, workers, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
        assistant = new ShopAssistant("tiny", rag, tokenizer, scheduler, hydrator, workers, 2048);
    }

    @AfterAll
    static void close() throws InterruptedException {
        scheduler.close();
        backend.close();
        model.close();
        tokenizer.close();
        manager.close();
        rag.close();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static AnswerTrace ask(String question, Conversation conversation, AssistantConfig config) {
        return assistant.ask(question, conversation, config, RenderListener.NONE).done().orTimeout(60, TimeUnit.SECONDS).join();
    }

    @Test
    void everyStageAppendsToTheTrace() {
        AssistantConfig config = AssistantConfig.defaults().withMaxNewTokens(12);
        AnswerTrace trace = ask("tell me about the " + corpus.products().get(0).title(), new Conversation(), config);

        assertTrue(trace.finishReason().equals("length") || trace.finishReason().equals("stop"),
                () -> "finished with " + trace.finishReason() + " " + trace.sections().get("error"));
        assertNotNull(trace.sections().get("rag.analysis"));
        assertNotNull(trace.sections().get("rag.evidence"));
        PromptSection prompt = trace.section(PromptSection.NAME, PromptSection.class);
        assertTrue(prompt.evidenceItems() > 0, "evidence reached the prompt");
        GenerationSection generation = trace.section(GenerationSection.NAME, GenerationSection.class);
        assertTrue(generation.outputTokens() <= 12);
        assertEquals(prompt.promptTokens(), generation.promptTokens());
        assertEquals(generation.outputTokens(), trace.tokens().size(), "every generated token is timed in the trace");
        assertEquals(String.join("", trace.tokens().stream().map(AnswerTrace.TokenTiming::text).toList()),
                trace.answerText().substring(0, Math.min(trace.answerText().length(),
                        String.join("", trace.tokens().stream().map(AnswerTrace.TokenTiming::text).toList()).length())));
        ShopAssistant.ConstraintSection constraint = trace.section("constraint", ShopAssistant.ConstraintSection.class);
        assertEquals(0, constraint.violations(), "every sampled token respected the markup mask");
        assertTrue(constraint.priceAmounts() > 0, "the evidence's prices bound what a '$' may spell");
        assertTrue(constraint.numberValues() > 0, "the evidence's ratings and measures bound what a number may claim");
        assertTrue(constraint.subjectSwitches() >= 0, "prices and numbers are bound to the sentence's product");
        assertNotNull(constraint.layout(), "the intent layout is on by default");
        assertEquals(trace.section("rag.analysis", dev.aisle.engine.rag.analysis.QuestionAnalysis.class).intent().name(),
                constraint.layout().intent(), "the layout follows the question's intent");
        assertTrue(constraint.layout().cardProducts() <= constraint.layout().evidenceProducts());
        ShopAssistant.ConstraintSection off = ask("tell me about the " + corpus.products().get(0).title(), new Conversation(),
                config.withGroundedPrices(false).withGroundedNumbers(false).withProductBinding(false).withIntentLayout(false))
                .section("constraint", ShopAssistant.ConstraintSection.class);
        assertEquals(-1, off.priceAmounts());
        assertEquals(-1, off.numberValues());
        assertEquals(-1, off.subjectSwitches());
        org.junit.jupiter.api.Assertions.assertNull(off.layout());
        assertFalse(trace.answerText().contains("<|"), "chat special tokens never become answer text: " + trace.answerText());
        assertTrue(trace.stages().stream().anyMatch(s -> s.stage().equals("retrieval")));
        assertTrue(trace.stages().stream().anyMatch(s -> s.stage().equals("generation")));
        String json = TraceJson.write(trace);
        assertTrue(json.startsWith("{") && json.contains("\"rag.evidence\""), json.substring(0, Math.min(200, json.length())));
    }

    @Test
    void emptyQuestionEndsWithAClearError() {
        AnswerTrace trace = ask("   ", new Conversation(), AssistantConfig.defaults());
        assertEquals("error", trace.finishReason());
        assertTrue(String.valueOf(trace.sections().get("error")).contains("empty"));
    }

    @Test
    void overlongQuestionIsCutAndNoted() {
        AnswerTrace trace = ask("golf ".repeat(1000), new Conversation(), AssistantConfig.defaults().withMaxNewTokens(2));
        assertTrue(trace.finishReason().equals("length") || trace.finishReason().equals("stop"), trace.finishReason());
        assertTrue(trace.section(PromptSection.NAME, PromptSection.class).questionTruncated());
    }

    @Test
    void finishedTurnsBecomeConversationContext() {
        Conversation conversation = new Conversation();
        ask("trail running shoes with a rock plate", conversation, AssistantConfig.defaults().withMaxNewTokens(4));
        ask("what's its drop?", conversation, AssistantConfig.defaults().withMaxNewTokens(4));
        assertEquals(2, conversation.turns().size());
        assertEquals(1, conversation.context().turns().size() - 1);
        assertFalse(conversation.promptHistory().isEmpty());
    }

    @Test
    void cancellingEndsTheAnswerAsCancelled() {
        AnswerHandle handle = assistant.ask("kitchen knives", new Conversation(),
                AssistantConfig.defaults().withMaxNewTokens(1000), RenderListener.NONE);
        handle.cancel().run();
        AnswerTrace trace = handle.done().orTimeout(60, TimeUnit.SECONDS).join();
        assertEquals("cancelled", trace.finishReason());
    }
}
