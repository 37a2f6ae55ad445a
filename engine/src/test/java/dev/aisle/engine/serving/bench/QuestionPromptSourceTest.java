package dev.aisle.engine.serving.bench;

import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.rag.RagPipeline;
import dev.aisle.engine.rag.SmallCorpusIndex;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.rag.services.CatalogueStoreServices;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.trace.AnswerTrace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionPromptSourceTest {

    static final SmallCorpusIndex fx = SmallCorpusIndex.get();
    static final RagPipeline pipeline = new RagPipeline(fx.corpus.products(), fx.index, fx.embedder, List.of(),
            new CatalogueStoreServices(fx.corpus.products()).all(), RagPipeline.Config.defaults());

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void eachPromptCarriesItsQuestionAndWhatRetrievalPackedForIt(@TempDir Path dir) {
        ShopTokenizer tokenizer = EvidencePromptSource.trainTokenizer(600, 3, dir);
        List<String> questions = fx.corpus.evalQuestions().stream().map(EvalQuestion::question).limit(6).toList();
        QuestionPromptSource source = new QuestionPromptSource(questions, pipeline, tokenizer, 200, 11);

        Set<String> asked = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            BenchPrompt prompt = source.prompt(i);
            assertEquals(200, prompt.maxTokens());
            String text = tokenizer.decode(prompt.tokens());
            String question = questions.stream().filter(text::contains).findFirst()
                    .orElseThrow(() -> new AssertionError("no question in prompt: " + text));
            asked.add(question);
            List<EvidenceLine> evidence = pipeline.retrieve(question, ConversationContext.empty(),
                    new AnswerTrace("t", question)).evidenceLines();
            assertFalse(evidence.isEmpty());
            assertTrue(text.contains(evidence.get(0).text()), "the prompt holds the first evidence item");
        }
        assertEquals(questions.size(), asked.size(), "a run as long as the question list asks each question once");
        assertArrayEquals(source.prompt(2).tokens(), source.prompt(2).tokens());
        assertArrayEquals(source.prompt(1).tokens(), source.prompt(1 + questions.size()).tokens(),
                "longer runs ask the questions again, in the same order");
    }

    @Test
    void refusesNothingToAskAndAnswersOfNoLength(@TempDir Path dir) {
        ShopTokenizer tokenizer = EvidencePromptSource.trainTokenizer(600, 3, dir);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new QuestionPromptSource(List.of(), pipeline, tokenizer, 200, 1));
        assertTrue(none.getMessage().contains("no evaluation questions"), none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new QuestionPromptSource(List.of("tents?"), pipeline, tokenizer, 0, 1));
        assertTrue(zero.getMessage().contains("maxTokens must be > 0, got 0"), zero.getMessage());
    }
}
