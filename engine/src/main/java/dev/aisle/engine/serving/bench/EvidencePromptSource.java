package dev.aisle.engine.serving.bench;

import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.TokenizerJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Shopping-assistant prompts of realistic shape, rendered with {@link PromptLayout}: the shared
 * system prompt, 3–8 evidence items (product facts, reviews, community answers) of 15–60 words
 * drawn from a fixed pool (so popular items repeat across requests, as with real retrieval), and a
 * question. Answer lengths are spread from short confirmations to long comparisons.
 */
public final class EvidencePromptSource implements PromptSource {

    private static final String[] KINDS = {"golf glove", "trail shoe", "running shoe", "rain jacket", "dinosaur figure",
            "tent", "sleeping bag", "thermal base layer", "headlamp", "hiking pole", "backpack", "water bottle",
            "building set", "puzzle", "fleece", "beanie", "sneaker", "yoga mat", "kettlebell", "bike light"};
    private static final String[] ADJECTIVES = {"lightweight", "waterproof", "durable", "warm", "breathable", "sturdy",
            "compact", "comfortable", "grippy", "insulated", "washable", "adjustable", "cheap", "premium", "soft"};
    private static final String[] FACTS = {"weighs %d grams", "costs %d dollars", "comes in %d colours",
            "has a %d month warranty", "is rated for %d degrees", "fits ages %d and up", "holds %d litres",
            "has %d reviews averaging four stars", "ships in %d days"};
    private static final String[] OPINIONS = {"I wore it every weekend and it held up well",
            "the sizing runs small so order one up", "my son plays with it every day",
            "kept my hands dry in the rain", "the zip broke after a month", "great value for the price",
            "a bit heavy but very solid", "the grip is excellent on wet grass", "arrived quickly and well packed",
            "not as warm as I hoped below freezing", "the colours are brighter than in the photos"};
    private static final String[] QUESTIONS = {"What do I need for cold-weather golf?",
            "Trail shoes or running shoes for muddy paths?", "Best dinosaur toys for a five-year-old?",
            "Which rain jacket packs smallest?", "Is this tent good for two people in winter?",
            "What should I buy for a first camping trip with kids?", "Compare these two headlamps for night runs.",
            "Which gloves keep hands warm but still grip the club?"};

    private final ShopTokenizer tokenizer;
    private final long seed;
    private final List<EvidenceLine> pool = new ArrayList<>();

    public EvidencePromptSource(ShopTokenizer tokenizer, long seed) {
        this.tokenizer = tokenizer;
        this.seed = seed;
        Random rnd = new Random(seed);
        for (int i = 0; i < 300; i++) {
            pool.add(evidence(rnd, i));
        }
    }

    @Override
    public String name() {
        return "synthetic-evidence (tokenizer " + tokenizer.file().getFileName() + ", vocab " + tokenizer.vocabSize() + ")";
    }

    @Override
    public BenchPrompt prompt(int index) {
        Random rnd = new Random(seed * 1_000_003L + index);
        int items = 3 + rnd.nextInt(6);
        List<EvidenceLine> evidence = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            EvidenceLine e = pool.get((int) Math.min(pool.size() - 1, Math.abs(rnd.nextGaussian()) * pool.size() / 3));
            evidence.add(new EvidenceLine("E" + (i + 1), e.source(), e.productId(), e.text()));
        }
        String question = QUESTIONS[rnd.nextInt(QUESTIONS.length)];
        int[] tokens = tokenizer.encodePrompt(PromptLayout.DEFAULT_SYSTEM, evidence, List.of(), question);
        // Answer lengths: a long-tailed mix, 16 to 256 tokens, median about 70.
        int maxTokens = (int) Math.max(16, Math.min(256, Math.round(Math.exp(4.25 + 0.6 * rnd.nextGaussian()))));
        return new BenchPrompt("p" + index, tokens, maxTokens);
    }

    /**
     * A byte-level BPE trained on this source's own evidence, questions and answers-like text, for
     * runs without a model directory: prompt lengths then come from a real tokenizer of the
     * requested vocabulary size rather than from a guess.
     */
    public static ShopTokenizer trainTokenizer(int vocabSize, long seed, Path dir) {
        Random rnd = new Random(seed);
        BpeTrainer trainer = BpeTrainer.forChat(vocabSize);
        for (int i = 0; i < 4000; i++) {
            trainer.add(evidence(rnd, i).text());
        }
        for (String q : QUESTIONS) {
            trainer.add(q);
        }
        trainer.add(PromptLayout.DEFAULT_SYSTEM);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("tokenizer.json");
            TokenizerJson.write(trainer.train(), file);
            return ShopTokenizer.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark tokenizer under " + dir, e);
        }
    }

    private static EvidenceLine evidence(Random rnd, int i) {
        String productId = String.format("B0X%04d", rnd.nextInt(2000));
        String kind = KINDS[rnd.nextInt(KINDS.length)];
        StringBuilder text = new StringBuilder();
        String source;
        switch (rnd.nextInt(3)) {
            case 0 -> {
                source = "product";
                text.append("The ").append(ADJECTIVES[rnd.nextInt(ADJECTIVES.length)]).append(' ').append(kind);
                int facts = 2 + rnd.nextInt(5);
                for (int f = 0; f < facts; f++) {
                    text.append(f == 0 ? " " : ", ").append(String.format(FACTS[rnd.nextInt(FACTS.length)], 1 + rnd.nextInt(500)));
                }
                text.append('.');
            }
            case 1 -> {
                source = "review";
                text.append(1 + rnd.nextInt(5)).append(" stars: ");
                int sentences = 1 + rnd.nextInt(4);
                for (int s = 0; s < sentences; s++) {
                    text.append(OPINIONS[rnd.nextInt(OPINIONS.length)]).append(". ");
                }
                text.append("Overall a ").append(ADJECTIVES[rnd.nextInt(ADJECTIVES.length)]).append(' ').append(kind).append('.');
            }
            default -> {
                source = "qa";
                text.append("Q: is the ").append(kind).append(' ').append(ADJECTIVES[rnd.nextInt(ADJECTIVES.length)])
                        .append(" enough for winter? A: ").append(OPINIONS[rnd.nextInt(OPINIONS.length)])
                        .append(", and it ").append(String.format(FACTS[rnd.nextInt(FACTS.length)], 1 + rnd.nextInt(300)))
                        .append('.');
            }
        }
        return new EvidenceLine("E" + i, source, productId, text.toString());
    }
}
