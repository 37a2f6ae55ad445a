package dev.aisle.datasets.corpus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * SHA-256 over the uncompressed JSONL of every corpus file in {@link CorpusFile} order, each
 * preceded by its file name. Hashing the uncompressed lines (not the gzip bytes) keeps the hash the
 * same on any zlib build; the index and the models record it as their lineage.
 */
public final class ContentHash {

    private final MessageDigest digest;

    public ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    public void beginFile(CorpusFile file) {
        digest.update((file.fileName() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void line(byte[] jsonLine) {
        digest.update(jsonLine);
    }

    public String hex() {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    public static String of(Corpus corpus) {
        ContentHash hash = new ContentHash();
        for (CorpusFile file : CorpusFile.values()) {
            hash.beginFile(file);
            for (Object record : file.records(corpus)) {
                hash.line(CorpusJson.line(record));
            }
        }
        return hash.hex();
    }
}
