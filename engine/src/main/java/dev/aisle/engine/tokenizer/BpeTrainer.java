package dev.aisle.engine.tokenizer;

import dev.aisle.engine.prompt.ChatTokens;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains a byte-level BPE vocabulary: texts are split into words with GPT-2's pattern (the one
 * Hugging Face's ByteLevel pre-tokenizer applies), words become byte sequences, and the most frequent
 * adjacent pair is merged until the vocabulary is full. Pair counts are updated incrementally, only for
 * the words a merge touches, so training on the whole corpus takes seconds.
 *
 * <p>Ids: the special tokens first (in {@link ChatTokens#ALL} order, so PAD is 0), then the 256 bytes,
 * then merges in rank order.
 */
public final class BpeTrainer {

    /** GPT-2's split pattern, as used by Hugging Face's ByteLevel pre-tokenizer with use_regex. */
    static final Pattern WORDS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private final int vocabSize;
    private final List<String> specialTokens;
    private final Map<String, Long> wordCounts = new HashMap<>();

    public BpeTrainer(int vocabSize, List<String> specialTokens) {
        int min = specialTokens.size() + 256;
        if (vocabSize < min) {
            throw new IllegalArgumentException("vocabSize must be >= " + min + " (specials + 256 bytes), got " + vocabSize);
        }
        this.vocabSize = vocabSize;
        this.specialTokens = List.copyOf(specialTokens);
    }

    /** A trainer with the chat special tokens of {@link ChatTokens#ALL}. */
    public static BpeTrainer forChat(int vocabSize) {
        return new BpeTrainer(vocabSize, ChatTokens.ALL);
    }

    /** Counts the words of one text (a document or a line). */
    public BpeTrainer add(String text) {
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            wordCounts.merge(m.group(), 1L, Long::sum);
        }
        return this;
    }

    public BpeTrainer addAll(Iterable<String> texts) {
        for (String t : texts) {
            add(t);
        }
        return this;
    }

    /** The learned vocabulary (token string → id, byte-level spelling) and merges in rank order. */
    public record Result(Map<String, Integer> vocab, List<String[]> merges, List<String> specialTokens) {
    }

    public Result train() {
        // Symbols 0..255 are bytes; merged symbols get 256, 257, …; symbolText holds their byte-level text.
        List<String> symbolText = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            symbolText.add(String.valueOf(ByteLevel.charOf(b)));
        }
        List<int[]> words = new ArrayList<>(wordCounts.size());
        List<Long> freq = new ArrayList<>(wordCounts.size());
        wordCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
            int[] w = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                w[i] = bytes[i] & 0xff;
            }
            words.add(w);
            freq.add(e.getValue());
        });
        Map<Long, Long> pairCount = new HashMap<>();
        Map<Long, Set<Integer>> pairWords = new HashMap<>();
        for (int wi = 0; wi < words.size(); wi++) {
            addPairs(words.get(wi), freq.get(wi), wi, pairCount, pairWords, null);
        }
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));
        pairCount.forEach((k, c) -> queue.add(new long[]{c, k}));

        List<String[]> merges = new ArrayList<>();
        int mergesWanted = vocabSize - specialTokens.size() - 256;
        while (merges.size() < mergesWanted && !queue.isEmpty()) {
            long[] top = queue.poll();
            long key = top[1];
            long current = pairCount.getOrDefault(key, 0L);
            if (current != top[0]) {
                if (current > 0) {
                    queue.add(new long[]{current, key});
                }
                continue;
            }
            if (current < 2) {
                break;
            }
            int a = (int) (key >>> 32);
            int b = (int) key;
            int merged = symbolText.size();
            symbolText.add(symbolText.get(a) + symbolText.get(b));
            merges.add(new String[]{symbolText.get(a), symbolText.get(b)});
            Set<Long> changed = new HashSet<>();
            for (int wi : pairWords.getOrDefault(key, Set.of()).toArray(new Integer[0])) {
                int[] w = words.get(wi);
                int[] replaced = mergeWord(w, a, b, merged);
                if (replaced == w) {
                    continue;
                }
                addPairs(w, -freq.get(wi), wi, pairCount, null, changed);
                addPairs(replaced, freq.get(wi), wi, pairCount, pairWords, changed);
                words.set(wi, replaced);
            }
            pairWords.remove(key);
            for (long k : changed) {
                long c = pairCount.getOrDefault(k, 0L);
                if (c > 0) {
                    queue.add(new long[]{c, k});
                } else {
                    pairCount.remove(k);
                }
            }
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (String s : specialTokens) {
            vocab.put(s, vocab.size());
        }
        for (String s : symbolText) {
            vocab.putIfAbsent(s, vocab.size());
        }
        return new Result(vocab, merges, specialTokens);
    }

    private static int[] mergeWord(int[] w, int a, int b, int merged) {
        int n = 0;
        for (int i = 0; i + 1 < w.length; i++) {
            if (w[i] == a && w[i + 1] == b) {
                n++;
                i++;
            }
        }
        if (n == 0) {
            return w;
        }
        int[] out = new int[w.length - n];
        int j = 0;
        for (int i = 0; i < w.length; i++) {
            if (i + 1 < w.length && w[i] == a && w[i + 1] == b) {
                out[j++] = merged;
                i++;
            } else {
                out[j++] = w[i];
            }
        }
        return out;
    }

    private static void addPairs(int[] w, long f, int wi, Map<Long, Long> counts, Map<Long, Set<Integer>> where,
                                 Set<Long> changed) {
        for (int i = 0; i + 1 < w.length; i++) {
            long k = ((long) w[i] << 32) | (w[i + 1] & 0xffffffffL);
            counts.merge(k, f, Long::sum);
            if (where != null) {
                where.computeIfAbsent(k, x -> new HashSet<>()).add(wi);
            }
            if (changed != null) {
                changed.add(k);
            }
        }
    }
}
