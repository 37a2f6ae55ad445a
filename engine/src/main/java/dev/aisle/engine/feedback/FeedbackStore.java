package dev.aisle.engine.feedback;

import dev.aisle.engine.home.AisleHome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the workbench, the annotators and the training stages read and write: conversations,
 * responses, ratings and preferences. Annotation queues are {@link #tasks()}, the model registry
 * {@link #models()}.
 *
 * <p>Every write is one transaction, committed before the method returns. Labels are appended,
 * never updated: a changed mind is a new label and the newest label of each annotator counts.
 * Bad input — an unknown or deleted response, an over-long comment, a malformed reason tag —
 * is refused with a {@link FeedbackException} that names it; any text is otherwise stored exactly
 * as given (only bound parameters reach SQL). Thread-safe; share one store per process.
 */
public final class FeedbackStore implements AutoCloseable {

    private final FeedbackDatabase db;
    private final AnnotationQueue tasks;
    private final ModelRegistry models;

    public FeedbackStore(FeedbackDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
        this.tasks = new AnnotationQueue(db);
        this.models = new ModelRegistry(db);
    }

    /** The embedded store under {@code AISLE_HOME}. */
    public static FeedbackStore openEmbedded(AisleHome home) {
        return new FeedbackStore(FeedbackDatabase.embedded(home.feedbackDb()));
    }

    public FeedbackDatabase database() {
        return db;
    }

    public AnnotationQueue tasks() {
        return tasks;
    }

    public ModelRegistry models() {
        return models;
    }

    // ---- conversations and responses ----

    public Conversation startConversation(String title) {
        Checks.text("conversation title", title, 500);
        Instant now = now();
        long id = db.transaction(c -> insert(c, "INSERT INTO conversations (title, created_at) VALUES (?, ?)", title, ts(now)));
        return new Conversation(id, title, now);
    }

    /** Appends a question to a conversation. */
    public Turn addTurn(long conversationId, String question) {
        Checks.text("question", question, Checks.MAX_TEXT);
        Instant now = now();
        return db.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM conversations WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, conversationId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new FeedbackException("conversation " + conversationId + " does not exist");
                    }
                }
            }
            int index = (int) single(c, "SELECT COUNT(*) FROM turns WHERE conversation_id = ?", conversationId);
            long id = insert(c, "INSERT INTO turns (conversation_id, turn_index, question, created_at) VALUES (?, ?, ?, ?)",
                    conversationId, index, question, ts(now));
            return new Turn(id, conversationId, index, question, now);
        });
    }

    public List<Turn> turns(long conversationId) {
        return db.read(c -> list(c, "SELECT id, conversation_id, turn_index, question, created_at FROM turns "
                + "WHERE conversation_id = ? ORDER BY turn_index", rs -> new Turn(rs.getLong(1), rs.getLong(2),
                rs.getInt(3), rs.getString(4), instant(rs, 5)), conversationId));
    }

    public Turn turn(long turnId) {
        List<Turn> found = db.read(c -> list(c, "SELECT id, conversation_id, turn_index, question, created_at FROM turns "
                + "WHERE id = ?", rs -> new Turn(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                instant(rs, 5)), turnId));
        if (found.isEmpty()) {
            throw new FeedbackException("turn " + turnId + " does not exist");
        }
        return found.get(0);
    }

    public Response addResponse(NewResponse r) {
        Objects.requireNonNull(r, "response");
        Checks.name("model name", r.modelName(), 200);
        Checks.name("model version", r.modelVersion(), 100);
        Checks.text("configuration JSON", r.configJson(), Checks.MAX_TEXT);
        Checks.text("trace JSON", r.traceJson(), Checks.MAX_TEXT * 4);
        Checks.text("prompt", r.prompt(), Checks.MAX_TEXT);
        Checks.text("response text", r.text(), Checks.MAX_TEXT);
        Instant now = now();
        long id = db.transaction(c -> {
            if (single(c, "SELECT COUNT(*) FROM turns WHERE id = ?", r.turnId()) == 0) {
                throw new FeedbackException("turn " + r.turnId() + " does not exist");
            }
            return insert(c, "INSERT INTO responses (turn_id, model_name, model_version, config_json, trace_json, prompt, "
                            + "answer_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.turnId(), r.modelName(),
                    r.modelVersion(), r.configJson(), r.traceJson(), r.prompt(), r.text(), ts(now));
        });
        return new Response(id, r.turnId(), r.modelName(), r.modelVersion(), r.configJson(), r.traceJson(), r.prompt(),
                r.text(), now, Optional.empty());
    }

    private static final String RESPONSE_COLUMNS = "id, turn_id, model_name, model_version, config_json, trace_json, "
            + "prompt, answer_text, created_at, deleted_at";

    private static Response response(ResultSet rs) throws SQLException {
        return new Response(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), Optional.ofNullable(instantOrNull(rs, 10)));
    }

    public Response response(long id) {
        return findResponse(id).orElseThrow(() -> new FeedbackException("response " + id + " does not exist"));
    }

    public Optional<Response> findResponse(long id) {
        return db.read(c -> list(c, "SELECT " + RESPONSE_COLUMNS + " FROM responses WHERE id = ?",
                FeedbackStore::response, id)).stream().findFirst();
    }

    public List<Response> responses(long turnId) {
        return db.read(c -> list(c, "SELECT " + RESPONSE_COLUMNS + " FROM responses WHERE turn_id = ? ORDER BY id",
                FeedbackStore::response, turnId));
    }

    /** Marks a response deleted: its labels stay (they are history) but it takes no new ones and is not exported. */
    public void deleteResponse(long id) {
        db.transaction(c -> {
            int n = update(c, "UPDATE responses SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", ts(now()), id);
            if (n == 0) {
                liveResponse(c, id, "response"); // names the reason: unknown or already deleted
            }
            return null;
        });
    }

    // ---- labels ----

    /** Stores a thumbs-up/down label; returns once it is committed. */
    public Rating rate(NewRating r) {
        Objects.requireNonNull(r, "rating");
        Checks.annotator(r.annotator());
        Objects.requireNonNull(r.thumb(), "thumb");
        r.reasons().forEach(Checks::reason);
        Checks.text("comment", r.comment(), Checks.MAX_COMMENT);
        Instant now = now();
        long id = db.transaction(c -> {
            liveResponse(c, r.responseId(), "rated response");
            if (r.taskId().isPresent()) {
                tasks.requireTaskFor(c, r.taskId().getAsLong(), TaskKind.RATING, r.responseId(), OptionalLong.empty());
            }
            long ratingId = insert(c, "INSERT INTO ratings (response_id, annotator, thumb, comment_text, task_id, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", r.responseId(), r.annotator(), r.thumb().score(), r.comment(),
                    r.taskId(), ts(now));
            for (String reason : new LinkedHashSet<>(r.reasons())) {
                update(c, "INSERT INTO rating_reasons (rating_id, reason) VALUES (?, ?)", ratingId, reason);
            }
            if (r.taskId().isPresent()) {
                tasks.markDone(c, r.taskId().getAsLong(), r.annotator(), now);
            }
            return ratingId;
        });
        return new Rating(id, r.responseId(), r.annotator(), r.thumb(), r.reasons(), r.comment(), r.taskId(), now);
    }

    /** Stores a pairwise label; returns once it is committed. */
    public Preference prefer(NewPreference p) {
        Objects.requireNonNull(p, "preference");
        Checks.annotator(p.annotator());
        Objects.requireNonNull(p.verdict(), "verdict");
        Checks.text("comment", p.comment(), Checks.MAX_COMMENT);
        if (p.responseA() == p.responseB()) {
            throw new FeedbackException("a preference needs two different responses, got " + p.responseA() + " twice");
        }
        Instant now = now();
        long id = db.transaction(c -> {
            liveResponse(c, p.responseA(), "response A");
            liveResponse(c, p.responseB(), "response B");
            if (p.taskId().isPresent()) {
                tasks.requireTaskFor(c, p.taskId().getAsLong(), TaskKind.PREFERENCE, p.responseA(),
                        OptionalLong.of(p.responseB()));
            }
            long prefId = insert(c, "INSERT INTO preferences (response_a, response_b, verdict, annotator, comment_text, "
                            + "task_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", p.responseA(), p.responseB(),
                    p.verdict().name(), p.annotator(), p.comment(), p.taskId(), ts(now));
            if (p.taskId().isPresent()) {
                tasks.markDone(c, p.taskId().getAsLong(), p.annotator(), now);
            }
            return prefId;
        });
        return new Preference(id, p.responseA(), p.responseB(), p.verdict(), p.annotator(), p.comment(), p.taskId(), now);
    }

    public List<Rating> ratings(long responseId) {
        return ratingsWhere("r.response_id = ?", responseId);
    }

    /** Every rating, oldest first. */
    public List<Rating> allRatings() {
        return ratingsWhere("1 = 1");
    }

    private List<Rating> ratingsWhere(String condition, Object... args) {
        return db.read(c -> {
            Map<Long, Set<String>> reasons = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT rr.rating_id, rr.reason FROM rating_reasons rr "
                    + "JOIN ratings r ON r.id = rr.rating_id WHERE " + condition)) {
                bind(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        reasons.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                    }
                }
            }
            return list(c, "SELECT r.id, r.response_id, r.annotator, r.thumb, r.comment_text, r.task_id, r.created_at "
                    + "FROM ratings r WHERE " + condition + " ORDER BY r.id", rs -> new Rating(rs.getLong(1),
                    rs.getLong(2), rs.getString(3), Thumb.ofScore(rs.getInt(4)),
                    reasons.getOrDefault(rs.getLong(1), Set.of()), rs.getString(5), optionalLong(rs, 6),
                    instant(rs, 7)), args);
        });
    }

    /** Every preference, oldest first. */
    public List<Preference> preferences() {
        return db.read(c -> list(c, "SELECT id, response_a, response_b, verdict, annotator, comment_text, task_id, created_at "
                + "FROM preferences ORDER BY id", rs -> new Preference(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                Verdict.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), optionalLong(rs, 7), instant(rs, 8))));
    }

    /** Every label so far: what a model trained now would have seen. */
    public FeedbackSnapshot snapshot() {
        return db.read(c -> new FeedbackSnapshot(single(c, "SELECT COALESCE(MAX(id), 0) FROM ratings"),
                single(c, "SELECT COALESCE(MAX(id), 0) FROM preferences")));
    }

    /**
     * Runs {@code work} (any of this store's writes) as one transaction: either all of it is
     * committed or, when it throws, none of it.
     */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return db.transaction(c -> work.get());
    }

    public FeedbackCounts counts() {
        return db.read(c -> new FeedbackCounts(single(c, "SELECT COUNT(*) FROM conversations"),
                single(c, "SELECT COUNT(*) FROM turns"), single(c, "SELECT COUNT(*) FROM responses"),
                single(c, "SELECT COUNT(*) FROM ratings"), single(c, "SELECT COUNT(*) FROM preferences"),
                single(c, "SELECT COUNT(*) FROM annotation_tasks"), single(c, "SELECT COUNT(*) FROM models")));
    }

    /** Agreement between annotators on double-labelled responses and pairs. */
    public AgreementReport agreement() {
        return AgreementReport.of(allRatings(), preferences());
    }

    @Override
    public void close() {
        db.close();
    }

    // ---- helpers shared with the queue and the registry ----

    /** Fails naming the problem unless response {@code id} exists and is not deleted. */
    static void liveResponse(Connection c, long id, String what) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT deleted_at FROM responses WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new FeedbackException(what + " " + id + " does not exist");
                }
                Instant deleted = instantOrNull(rs, 1);
                if (deleted != null) {
                    throw new FeedbackException(what + " " + id + " was deleted at " + deleted + " and takes no new labels");
                }
            }
        }
    }

    /** Microseconds: what both databases keep, so a value reads back equal to what was written. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class).toInstant();
    }

    static Instant instantOrNull(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OptionalLong optionalLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(st, args);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated id for " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, args);
            return st.executeUpdate();
        }
    }

    static void bind(PreparedStatement st, Object... args) throws SQLException {
        for (int k = 0; k < args.length; k++) {
            Object a = args[k];
            if (a instanceof OptionalLong o) {
                if (o.isPresent()) {
                    st.setLong(k + 1, o.getAsLong());
                } else {
                    st.setNull(k + 1, Types.BIGINT);
                }
            } else if (a instanceof String s) {
                st.setString(k + 1, s);
            } else if (a instanceof OffsetDateTime t) {
                st.setObject(k + 1, t);
            } else if (a instanceof Long l) {
                st.setLong(k + 1, l);
            } else if (a instanceof Integer i) {
                st.setInt(k + 1, i);
            } else {
                throw new IllegalArgumentException("cannot bind " + a + " (" + (a == null ? "null" : a.getClass()) + ")");
            }
        }
    }
}
