package dev.aisle.datasets.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the uncompressed JSONL of every corpus file in {@link CorpusFile} order, each
 * preceded by its file name. Hashing the uncompressed lines (not the gzip bytes) keeps the hash the
 * same on any zlib build. Two hashes come out of the one pass: the content hash over every file
 * (the corpus' identity, checked on read) and the training hash over the files training and the
 * index read ({@link CorpusFile#training()}: all but the judged queries), which models and the index
 * record as their lineage, so regenerating the judged queries does not orphan a trained model.
 */
public final class ContentHash {

    /** Both hashes of one corpus. */
    public record Hashes(String content, String training) {
    }

    private final MessageDigest all = sha256();
    private final MessageDigest training = sha256();
    private boolean inTraining;

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    public void beginFile(CorpusFile file) {
        byte[] name = (file.fileName() + "\n").getBytes(StandardCharsets.UTF_8);
        inTraining = file.training();
        all.update(name);
        if (inTraining) {
            training.update(name);
        }
    }

    public void line(byte[] jsonLine) {
        all.update(jsonLine);
        if (inTraining) {
            training.update(jsonLine);
        }
    }

    /** The content hash; call once, after the last line. */
    public String hex() {
        return "sha256:" + HexFormat.of().formatHex(all.digest());
    }

    /** The training hash; call once, after the last line. */
    public String trainingHex() {
        return "sha256:" + HexFormat.of().formatHex(training.digest());
    }

    public Hashes hashes() {
        return new Hashes(hex(), trainingHex());
    }

    public static String of(Corpus corpus) {
        return both(corpus).content();
    }

    /** Content and training hash of a corpus in memory, in one pass over its serialized lines. */
    public static Hashes both(Corpus corpus) {
        ContentHash hash = new ContentHash();
        for (CorpusFile file : CorpusFile.values()) {
            hash.beginFile(file);
            for (Object record : file.records(corpus)) {
                hash.line(CorpusJson.line(record));
            }
        }
        return hash.hashes();
    }
}
