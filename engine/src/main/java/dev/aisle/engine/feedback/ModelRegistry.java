package dev.aisle.engine.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static dev.aisle.engine.feedback.FeedbackStore.insert;
import static dev.aisle.engine.feedback.FeedbackStore.list;
import static dev.aisle.engine.feedback.FeedbackStore.ts;

/** Models the store knows, each with the model it was trained from and the feedback it saw. */
public final class ModelRegistry {

    private static final String COLUMNS = "id, name, version, stage, parent_id, directory, corpus_hash, "
            + "feedback_snapshot, metadata_json, created_at";

    private final FeedbackDatabase db;

    ModelRegistry(FeedbackDatabase db) {
        this.db = db;
    }

    /** A model to register; {@code parentId} empty for a model trained from scratch or imported. */
    public record NewModel(String name, String version, String stage, OptionalLong parentId, String directory,
                           String corpusHash, String feedbackSnapshot, String metadataJson) {
    }

    public ModelEntry register(NewModel m) {
        Checks.name("model name", m.name(), 200);
        Checks.name("model version", m.version(), 100);
        Checks.name("stage", m.stage(), 40);
        Checks.text("directory", m.directory(), 1000);
        Checks.text("corpus hash", m.corpusHash(), 128);
        Checks.text("feedback snapshot", m.feedbackSnapshot(), 200);
        Checks.text("metadata JSON", m.metadataJson(), Checks.MAX_TEXT);
        Instant now = FeedbackStore.now();
        long id = db.transaction(c -> {
            if (m.parentId().isPresent() && FeedbackStore.single(c, "SELECT COUNT(*) FROM models WHERE id = ?",
                    m.parentId().getAsLong()) == 0) {
                throw new FeedbackException("parent model " + m.parentId().getAsLong() + " is not registered");
            }
            if (FeedbackStore.single(c, "SELECT COUNT(*) FROM models WHERE name = ? AND version = ?", m.name(), m.version()) > 0) {
                throw new FeedbackException("model " + m.name() + " version " + m.version() + " is already registered");
            }
            return insert(c, "INSERT INTO models (name, version, stage, parent_id, directory, corpus_hash, feedback_snapshot, "
                            + "metadata_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", m.name(), m.version(), m.stage(),
                    m.parentId(), m.directory(), m.corpusHash(), m.feedbackSnapshot(), m.metadataJson(), ts(now));
        });
        return new ModelEntry(id, m.name(), m.version(), m.stage(), m.parentId(), m.directory(), m.corpusHash(),
                m.feedbackSnapshot(), m.metadataJson(), now);
    }

    public Optional<ModelEntry> find(String name, String version) {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM models WHERE name = ? AND version = ?",
                ModelRegistry::entry, name, version)).stream().findFirst();
    }

    public ModelEntry get(long id) {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM models WHERE id = ?", ModelRegistry::entry, id))
                .stream().findFirst().orElseThrow(() -> new FeedbackException("model " + id + " is not registered"));
    }

    public List<ModelEntry> all() {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM models ORDER BY id", ModelRegistry::entry));
    }

    /**
     * Registers a model trained from {@code parentDir} (registered first, as version "base", when
     * the store does not know it yet): name = the directory's name, version = the feedback snapshot
     * it learned from, or the time when it learned from none.
     */
    public ModelEntry registerTrained(String parentDir, String parentStage, String dir, String stage, String corpusHash,
                                      String feedbackSnapshot, String metadataJson) {
        ModelEntry parent = all().stream().filter(m -> m.directory().equals(parentDir)).findFirst()
                .orElseGet(() -> register(new NewModel(java.nio.file.Path.of(parentDir).getFileName().toString(), "base",
                        parentStage, OptionalLong.empty(), parentDir, corpusHash, "", "{}")));
        String version = feedbackSnapshot.isBlank() ? FeedbackStore.now().toString() : feedbackSnapshot;
        return register(new NewModel(java.nio.file.Path.of(dir).getFileName().toString(), version, stage,
                OptionalLong.of(parent.id()), dir, corpusHash, feedbackSnapshot, metadataJson));
    }

    /** The model and its ancestors, newest first. */
    public List<ModelEntry> lineage(long id) {
        List<ModelEntry> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        OptionalLong next = OptionalLong.of(id);
        while (next.isPresent() && seen.add(next.getAsLong())) {
            ModelEntry m = get(next.getAsLong());
            chain.add(m);
            next = m.parentId();
        }
        return chain;
    }

    private static ModelEntry entry(ResultSet rs) throws SQLException {
        return new ModelEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                FeedbackStore.optionalLong(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                FeedbackStore.instant(rs, 10));
    }
}
