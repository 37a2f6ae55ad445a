package dev.aisle.engine.rag.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.aisle.engine.rag.analysis.WishPhraseLearnerTest.catalogue;
import static dev.aisle.engine.rag.analysis.WishPhraseLearnerTest.queries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedPhrasesFileTest {

    final ByteArrayOutputStream said = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(said, true, StandardCharsets.UTF_8);

    @Test
    void aWarmStartReadsWhatTheFirstLearnedAndAnalysesAlike(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lexicon/learned-phrases.json");
        CatalogueLexicon learned = LearnedLexicon.learnOrRead(file, "sha256:c1", queries, catalogue, log);
        assertTrue(Files.isRegularFile(file), "kept for the next start");
        assertTrue(learned.wishPhrases().size() > 0);
        long written = Files.getLastModifiedTime(file).toMillis();

        CatalogueLexicon read = LearnedLexicon.learnOrRead(file, "sha256:c1", queries, catalogue, log);
        assertEquals(written, Files.getLastModifiedTime(file).toMillis(), "read, not learned and written again: " + said);
        assertEquals(learned.wishPhrases().phrases(), read.wishPhrases().phrases());
        assertEquals(learned.learnedCategories(), read.learnedCategories());
        String question = "off road runners that can handle a downpour";
        assertEquals(new QuestionAnalyzer(learned).analyze(question, ConversationContext.empty()).wishes(),
                new QuestionAnalyzer(read).analyze(question, ConversationContext.empty()).wishes());
        assertEquals("", said.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anotherCorpusOrADamagedFileIsLearnedAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("learned-phrases.json");
        LearnedLexicon.learnOrRead(file, "sha256:c1", queries, catalogue, log);
        assertTrue(LearnedPhrasesFile.read(file, "sha256:c2", log).isEmpty(), "kept for another corpus");
        LearnedLexicon.learnOrRead(file, "sha256:c2", queries, catalogue, log);
        assertTrue(LearnedPhrasesFile.read(file, "sha256:c2", log).isPresent(), "rewritten for this corpus");

        Files.writeString(file, "{\"corpusHash\": \"sha256:c2\", \"build\": ");
        CatalogueLexicon again = LearnedLexicon.learnOrRead(file, "sha256:c2", queries, catalogue, log);
        assertTrue(again.wishPhrases().size() > 0);
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("is unreadable"), said.toString(StandardCharsets.UTF_8));
        assertTrue(LearnedPhrasesFile.read(file, "sha256:c2", log).isPresent(), "a damaged file is replaced");
    }
}
