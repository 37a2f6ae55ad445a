package dev.aisle.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.model.ModelLoadException;
import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.engine.prompt.PromptLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's tokenizer: a Hugging Face {@code tokenizer.json} run by {@code ai.djl.huggingface:tokenizers}.
 *
 * <p>Trust: the Hugging Face library matches added tokens (our chat tokens) anywhere in the input, whether
 * or not they are marked special. So {@link #encode(String)} treats its input as untrusted text: every
 * occurrence of a special token's spelling is cut after its first character before encoding, so a shopper
 * who types {@code <|end|>} gets ordinary tokens that decode back to exactly what was typed, never the
 * END id. Only {@link #encodePrompt} (the engine, inserting the chat layout) and {@link #encodeTrusted}
 * produce special ids.
 */
public final class ShopTokenizer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final HuggingFaceTokenizer hf;
    private final Map<String, Integer> specialIds;
    private final int vocabSize;

    private ShopTokenizer(Path file, HuggingFaceTokenizer hf, Map<String, Integer> specialIds, int vocabSize) {
        this.file = file;
        this.hf = hf;
        this.specialIds = specialIds;
        this.vocabSize = vocabSize;
    }

    /** Loads {@code tokenizer.json}; problems name the file. */
    public static ShopTokenizer load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException(file, "tokenizer.json is missing");
        } catch (IOException e) {
            throw new ModelLoadException(file, "not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("model").isObject()) {
            throw new ModelLoadException(file, "not a Hugging Face tokenizer.json (no \"model\" object)");
        }
        int maxId = -1;
        for (JsonNode id : root.path("model").path("vocab")) {
            maxId = Math.max(maxId, id.asInt());
        }
        Map<String, Integer> specials = new HashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            int id = t.path("id").asInt();
            maxId = Math.max(maxId, id);
            specials.put(t.path("content").asText(), id);
        }
        if (maxId < 0) {
            throw new ModelLoadException(file, "tokenizer has an empty vocabulary");
        }
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(false)
                    .optTruncation(false).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file, "the Hugging Face tokenizers library cannot load it: " + e.getMessage(), e);
        }
        return new ShopTokenizer(file, hf, Collections.unmodifiableMap(specials), maxId + 1);
    }

    public Path file() {
        return file;
    }

    /** One past the largest id (model vocabulary and added tokens). */
    public int vocabSize() {
        return vocabSize;
    }

    /** The id of a special (added) token such as {@link ChatTokens#END}. */
    public int specialId(String token) {
        Integer id = specialIds.get(token);
        if (id == null) {
            throw new IllegalArgumentException("tokenizer " + file + " has no special token " + token);
        }
        return id;
    }

    public boolean hasSpecial(String token) {
        return specialIds.containsKey(token);
    }

    /** Special (added) token spellings and ids. */
    public Map<String, Integer> specialTokens() {
        return specialIds;
    }

    /** Encodes untrusted text: the result never contains a special id, and decodes back to {@code text}. */
    public int[] encode(String text) {
        List<String> pieces = splitSpecialSpellings(text);
        if (pieces.size() == 1) {
            return encodeTrusted(text);
        }
        List<int[]> parts = new ArrayList<>();
        int n = 0;
        for (String p : pieces) {
            int[] ids = encodeTrusted(p);
            parts.add(ids);
            n += ids.length;
        }
        return concat(parts, n);
    }

    /** Encodes text in which special-token spellings are meant as special tokens (engine-made text only). */
    public int[] encodeTrusted(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        long[] ids = hf.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /** Decodes ids to text, special tokens included as their spelling. */
    public String decode(int[] ids) {
        if (ids.length == 0) {
            return "";
        }
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return hf.decode(l, false);
    }

    /** The text of each id on its own (a partial UTF-8 sequence shows as U+FFFD); index = id. */
    public String[] tokenTexts() {
        String[] out = new String[vocabSize];
        for (int id = 0; id < vocabSize; id++) {
            out[id] = decode(new int[]{id});
        }
        return out;
    }

    /** A per-request decoder for streaming that never splits a character. */
    public StreamDecoder streamDecoder() {
        return new StreamDecoder(this);
    }

    /** A prompt (and optionally an answer) as ids, with where the answer starts. */
    public record PromptTokens(int[] ids, int answerStart) {
    }

    /**
     * Encodes the chat layout of {@link PromptLayout#render}: the engine inserts the special ids, every
     * text field is encoded as untrusted. {@code decode(ids)} equals {@code PromptLayout.render(...)}.
     */
    public int[] encodePrompt(String system, List<EvidenceLine> evidence, List<PromptLayout.Turn> history,
                              String question) {
        return layout(system, evidence, history, question, null).ids();
    }

    /**
     * Training form: prompt + answer + END; {@code answerStart} is the index of the answer's first id, so
     * the loss can cover only the answer and its END.
     */
    public PromptTokens encodeWithAnswer(String system, List<EvidenceLine> evidence, List<PromptLayout.Turn> history,
                                         String question, String answer) {
        return layout(system, evidence, history, question, answer);
    }

    private PromptTokens layout(String system, List<EvidenceLine> evidence, List<PromptLayout.Turn> history,
                                String question, String answer) {
        IdBuilder b = new IdBuilder();
        b.special(ChatTokens.SYSTEM).text(system).special(ChatTokens.END).text("\n");
        b.special(ChatTokens.EVIDENCE);
        StringBuilder ev = new StringBuilder();
        for (int i = 0; i < evidence.size(); i++) {
            EvidenceLine e = evidence.get(i);
            if (i > 0) {
                ev.append('\n');
            }
            ev.append(e.label()).append(" [").append(e.source());
            if (!e.productId().isEmpty()) {
                ev.append(' ').append(e.productId());
            }
            ev.append("] ").append(e.text());
        }
        b.text(ev.toString()).special(ChatTokens.END).text("\n");
        for (PromptLayout.Turn t : history) {
            b.special(ChatTokens.USER).text(t.question()).special(ChatTokens.END)
                    .special(ChatTokens.ASSISTANT).text(t.answer()).special(ChatTokens.END).text("\n");
        }
        b.special(ChatTokens.USER).text(question).special(ChatTokens.END).special(ChatTokens.ASSISTANT);
        int answerStart = b.size;
        if (answer != null) {
            b.text(answer).special(ChatTokens.END);
        }
        return new PromptTokens(java.util.Arrays.copyOf(b.ids, b.size), answerStart);
    }

    private final class IdBuilder {
        int[] ids = new int[256];
        int size;

        IdBuilder special(String token) {
            add(new int[]{specialId(token)});
            return this;
        }

        IdBuilder text(String s) {
            add(encode(s));
            return this;
        }

        private void add(int[] more) {
            if (size + more.length > ids.length) {
                ids = java.util.Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, ids, size, more.length);
            size += more.length;
        }
    }

    /** Cuts {@code text} one character into every occurrence of a special spelling. */
    List<String> splitSpecialSpellings(String text) {
        boolean[] cut = new boolean[text.length() + 1];
        boolean any = false;
        for (String s : specialIds.keySet()) {
            if (s.length() < 2) {
                continue;
            }
            for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
                cut[i + 1] = true;
                any = true;
            }
        }
        if (!any) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (cut[i]) {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static int[] concat(List<int[]> parts, int n) {
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public void close() {
        hf.close();
    }
}
