package dev.aisle.datasets.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aisle.datasets.qa.Answer;
import dev.aisle.datasets.qa.QaThread;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon product Q&amp;A JSONL in its published shapes: one question with a single {@code answer}
 * (the older yes/no and open-ended files), one question with an {@code answers} list, or a product
 * line with a {@code questions} list whose entries carry {@code answers}.
 */
final class AmazonQaImporter implements Importer {

    @Override
    public void read(Path file, ImportBatch batch, Problems problems) throws IOException {
        String source = file.getFileName().toString();
        JsonLines.read(file, batch, problems, (node, line) -> {
            String asin = JsonLines.text(node, "asin");
            JsonNode questions = node.get("questions");
            if (questions != null && questions.isArray()) {
                int n = 0;
                for (JsonNode q : questions) {
                    batch.add(thread(asin, q, source + "-" + line + "-" + (++n)));
                }
                if (n == 0) {
                    throw new IllegalArgumentException("'questions' is empty");
                }
            } else {
                batch.add(thread(asin, node, source + "-" + line));
            }
        });
    }

    private static QaThread thread(String asin, JsonNode q, String where) {
        String question = JsonLines.optionalText(q, "question", "questionText");
        if (question.isEmpty()) {
            throw new IllegalArgumentException("missing 'question'");
        }
        List<Answer> answers = new ArrayList<>();
        JsonNode list = q.get("answers");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("'answers' must be a list");
            }
            for (JsonNode a : list) {
                String text = a.isObject() ? JsonLines.optionalText(a, "answerText", "answer", "text") : a.asText();
                if (!text.isBlank()) {
                    answers.add(new Answer(text.trim(), a.isObject() ? JsonLines.optionalText(a, "answererID", "author") : "",
                            a.isObject() ? JsonLines.votes(a, "helpful", "helpful_votes", "helpfulVotes") : 0,
                            a.isObject() && a.path("fromSeller").asBoolean(false)));
                }
            }
        } else {
            String text = JsonLines.optionalText(q, "answer", "answerText");
            if (!text.isEmpty()) {
                answers.add(new Answer(text, JsonLines.optionalText(q, "answererID"),
                        JsonLines.votes(q, "helpful", "helpful_votes", "helpfulVotes"), false));
            }
        }
        String id = "Q-" + asin + "-" + Integer.toHexString((where + question).hashCode());
        return new QaThread(id, asin, question, JsonLines.optionalText(q, "askerID", "author"), answers);
    }
}
