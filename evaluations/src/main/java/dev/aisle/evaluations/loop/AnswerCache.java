package dev.aisle.evaluations.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.aisle.engine.assistant.AssistantConfig;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.evaluations.system.MarkupStats;
import dev.aisle.evaluations.system.SystemAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Answers already given, kept so that a rerun of the loop with other training settings does not
 * decode them again: one JSONL file per (model weights, configuration, corpus), one line per
 * question. The key hashes the model directory's files, not its path, so a retrained model in the
 * same directory never reads the answers of its predecessor. The judge scores a cached answer afresh.
 */
final class AnswerCache {

    /** What is kept of one answer: what the judge reads and what the feedback store records. */
    record Entry(String id, String question, String answerText, List<EvidenceLine> evidence, List<String> rankedIds,
                 Double ttftMs, Double e2eMs, Integer validMarkup, Integer invalidMarkup, String traceJson,
                 String configJson) {

        static Entry of(JudgedAnswer a) {
            SystemAnswer s = a.answer();
            return new Entry(a.item().id(), a.item().question(), s.answerText(), s.evidence(), s.rankedIds(),
                    s.ttftMs().isPresent() ? s.ttftMs().getAsDouble() : null,
                    s.e2eMs().isPresent() ? s.e2eMs().getAsDouble() : null,
                    s.markup().map(MarkupStats::validElements).orElse(null),
                    s.markup().map(MarkupStats::invalidElements).orElse(null), a.traceJson(), a.configJson());
        }

        SystemAnswer answer() {
            return new SystemAnswer(answerText, evidence, rankedIds,
                    ttftMs == null ? OptionalDouble.empty() : OptionalDouble.of(ttftMs),
                    e2eMs == null ? OptionalDouble.empty() : OptionalDouble.of(e2eMs),
                    validMarkup == null ? Optional.empty() : Optional.of(new MarkupStats(validMarkup, invalidMarkup)));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    private final Path dir;
    private final String corpusHash;
    private final Map<Path, String> modelHashes = new HashMap<>();

    /** @param dir where the files live; null keeps nothing (every answer is decoded) */
    AnswerCache(Path dir, String corpusHash) {
        this.dir = dir;
        this.corpusHash = corpusHash;
    }

    boolean enabled() {
        return dir != null;
    }

    /** The cached answers of this model and configuration, by question id (empty when there are none). */
    Map<String, Entry> read(Path modelDir, AssistantConfig config) {
        Map<String, Entry> out = new HashMap<>();
        if (dir == null) {
            return out;
        }
        Path file = file(modelDir, config);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    Entry e = JSON.readValue(lines.get(i), Entry.class);
                    out.put(e.id(), e);
                } catch (IOException e) {
                    throw new IOException(file + ":" + (i + 1) + ": not a cached answer: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Keeps {@code answers} (all of one configuration) for the next run. */
    void write(Path modelDir, AssistantConfig config, List<JudgedAnswer> answers) {
        if (dir == null) {
            return;
        }
        Path file = file(modelDir, config);
        try {
            Files.createDirectories(dir);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (JudgedAnswer a : answers) {
                    w.write(JSON.writeValueAsString(Entry.of(a)));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep answers in " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(Path modelDir, AssistantConfig config) {
        try {
            String key = modelHash(modelDir) + "\n" + corpusHash + "\n" + JSON.writeValueAsString(config);
            return dir.resolve(config.name() + "-" + HexFormat.of().formatHex(sha256().digest(
                    key.getBytes(StandardCharsets.UTF_8))).substring(0, 16) + ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over the names and contents of the model directory's files, in name order. */
    private String modelHash(Path modelDir) throws IOException {
        Path key = modelDir.toAbsolutePath().normalize();
        String known = modelHashes.get(key);
        if (known != null) {
            return known;
        }
        MessageDigest md = sha256();
        List<Path> files;
        try (Stream<Path> s = Files.list(key)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        String hash = HexFormat.of().formatHex(md.digest());
        modelHashes.put(key, hash);
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
