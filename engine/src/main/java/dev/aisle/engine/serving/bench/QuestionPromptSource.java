package dev.aisle.engine.serving.bench;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.rag.Retriever;
import dev.aisle.engine.rag.analysis.ConversationContext;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.trace.AnswerTrace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompts the assistant would really send: each evaluation question is retrieved for by the RAG pipeline and
 * its packed evidence rendered with the shared chat layout and the model's own tokenizer, so prompt lengths
 * are what retrieval packs and answer lengths are where the model stops (bounded by the served answer limit).
 *
 * <p>Questions are taken in a seeded shuffle so a short run still mixes intents; index {@code i} always gives
 * the same prompt, retrieved once.
 */
public final class QuestionPromptSource implements PromptSource {

    private final List<String> questions;
    private final Retriever retriever;
    private final ShopTokenizer tokenizer;
    private final int maxTokens;
    private final Map<Integer, BenchPrompt> built = new ConcurrentHashMap<>();

    /**
     * @param questions evaluation questions (at least one)
     * @param maxTokens the served answer limit; the model's end token usually comes first
     */
    public QuestionPromptSource(List<String> questions, Retriever retriever, ShopTokenizer tokenizer, int maxTokens,
                                long seed) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no evaluation questions to build prompts from: the corpus has none");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be > 0, got " + maxTokens);
        }
        List<String> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, new Random(seed));
        this.questions = List.copyOf(shuffled);
        this.retriever = retriever;
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /** The corpus' held-out evaluation questions (the ones `eval --suite answers` asks) at the served answer limit. */
    public static QuestionPromptSource heldOut(Corpus corpus, Retriever retriever, ShopTokenizer tokenizer, long seed) {
        List<String> questions = corpus.evalQuestions().stream().filter(q -> q.split() == Split.HELD_OUT)
                .map(EvalQuestion::question).toList();
        return new QuestionPromptSource(questions, retriever, tokenizer, AssistantConfig.defaults().maxNewTokens(), seed);
    }

    @Override
    public String name() {
        return "evaluation questions through retrieval (" + questions.size() + " questions, tokenizer "
                + tokenizer.file().getFileName() + ", vocab " + tokenizer.vocabSize() + ", answers up to " + maxTokens
                + " tokens)";
    }

    @Override
    public BenchPrompt prompt(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("prompt index must be >= 0, got " + index);
        }
        return built.computeIfAbsent(index, this::build);
    }

    private BenchPrompt build(int index) {
        String question = questions.get(index % questions.size());
        AnswerTrace trace = new AnswerTrace("bench-" + index, question);
        var evidence = retriever.retrieve(question, ConversationContext.empty(), trace).evidenceLines();
        int[] tokens = tokenizer.encodePrompt(PromptLayout.DEFAULT_SYSTEM, evidence, List.of(), question);
        return new BenchPrompt("q" + index, tokens, maxTokens);
    }
}
