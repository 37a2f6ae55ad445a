package dev.aisle.engine.feedback;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.aisle.engine.feedback.FeedbackStore.insert;
import static dev.aisle.engine.feedback.FeedbackStore.list;
import static dev.aisle.engine.feedback.FeedbackStore.single;
import static dev.aisle.engine.feedback.FeedbackStore.ts;
import static dev.aisle.engine.feedback.FeedbackStore.update;

/**
 * Annotation queues: tasks to rate one response or to compare two, handed out to annotators.
 * A task wanting two labels (double labelling) goes to two different annotators, never twice to
 * the same one, and never to more annotators than it wants — even when many claim at once.
 */
public final class AnnotationQueue {

    private static final String TASK_COLUMNS = "t.id, t.queue, t.kind, t.response_a, t.response_b, t.labels_wanted, "
            + "(SELECT COUNT(*) FROM task_assignments a WHERE a.task_id = t.id AND a.status = 'DONE'), "
            + "(SELECT COUNT(*) FROM task_assignments a WHERE a.task_id = t.id AND a.status = 'ASSIGNED'), t.created_at";

    private final FeedbackDatabase db;

    AnnotationQueue(FeedbackDatabase db) {
        this.db = db;
    }

    /** A task to rate {@code response}. */
    public AnnotationTask addRatingTask(String queue, long response, int labelsWanted) {
        return add(queue, TaskKind.RATING, response, OptionalLong.empty(), labelsWanted);
    }

    /** A task to compare {@code a} and {@code b}, shown as A and B. */
    public AnnotationTask addPreferenceTask(String queue, long a, long b, int labelsWanted) {
        if (a == b) {
            throw new FeedbackException("a preference task needs two different responses, got " + a + " twice");
        }
        return add(queue, TaskKind.PREFERENCE, a, OptionalLong.of(b), labelsWanted);
    }

    private AnnotationTask add(String queue, TaskKind kind, long a, OptionalLong b, int labelsWanted) {
        Checks.name("queue", queue, 100);
        if (labelsWanted < 1 || labelsWanted > 10) {
            throw new FeedbackException("labelsWanted must be 1-10, got " + labelsWanted);
        }
        Instant now = FeedbackStore.now();
        long id = db.transaction(c -> {
            FeedbackStore.liveResponse(c, a, "response");
            if (b.isPresent()) {
                FeedbackStore.liveResponse(c, b.getAsLong(), "response");
            }
            return insert(c, "INSERT INTO annotation_tasks (queue, kind, response_a, response_b, labels_wanted, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", queue, kind.name(), a, b, labelsWanted, ts(now));
        });
        return new AnnotationTask(id, queue, kind, a, b, labelsWanted, 0, 0, now);
    }

    public AnnotationTask task(long id) {
        List<AnnotationTask> found = db.read(c -> list(c, "SELECT " + TASK_COLUMNS + " FROM annotation_tasks t WHERE t.id = ?",
                AnnotationQueue::task, id));
        if (found.isEmpty()) {
            throw new FeedbackException("annotation task " + id + " does not exist");
        }
        return found.get(0);
    }

    public List<AnnotationTask> tasks(String queue) {
        return db.read(c -> list(c, "SELECT " + TASK_COLUMNS + " FROM annotation_tasks t WHERE t.queue = ? ORDER BY t.id",
                AnnotationQueue::task, queue));
    }

    /**
     * The next task for {@code annotator}: the one they already hold, else the oldest task that
     * still wants labels, that they have not touched, and whose responses still exist.
     */
    public Optional<AnnotationTask> claimNext(String queue, String annotator) {
        Checks.name("queue", queue, 100);
        Checks.annotator(annotator);
        Instant now = FeedbackStore.now();
        Optional<Long> claimed = db.transaction(c -> {
            List<Long> held = list(c, "SELECT t.id FROM annotation_tasks t JOIN task_assignments a ON a.task_id = t.id "
                    + "WHERE t.queue = ? AND a.annotator = ? AND a.status = 'ASSIGNED' ORDER BY t.id", rs -> rs.getLong(1),
                    queue, annotator);
            if (!held.isEmpty()) {
                return Optional.of(held.get(0));
            }
            List<Long> candidates = list(c, "SELECT t.id FROM annotation_tasks t WHERE t.queue = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.task_id = t.id AND a.annotator = ?) "
                    + "AND (SELECT COUNT(*) FROM task_assignments a WHERE a.task_id = t.id AND a.status <> 'SKIPPED') < t.labels_wanted "
                    + "AND NOT EXISTS (SELECT 1 FROM responses r WHERE (r.id = t.response_a OR r.id = t.response_b) "
                    + "AND r.deleted_at IS NOT NULL) ORDER BY t.id FETCH FIRST 20 ROWS ONLY", rs -> rs.getLong(1),
                    queue, annotator);
            for (long id : candidates) {
                // Lock the task so that two annotators cannot both take its last slot.
                list(c, "SELECT id FROM annotation_tasks WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), id);
                long taken = single(c, "SELECT COUNT(*) FROM task_assignments WHERE task_id = ? AND status <> 'SKIPPED'", id);
                long wanted = single(c, "SELECT labels_wanted FROM annotation_tasks WHERE id = ?", id);
                if (taken < wanted) {
                    update(c, "INSERT INTO task_assignments (task_id, annotator, status, assigned_at) VALUES (?, ?, 'ASSIGNED', ?)",
                            id, annotator, ts(now));
                    return Optional.of(id);
                }
            }
            return Optional.<Long>empty();
        });
        return claimed.map(this::task);
    }

    /** Gives a task back unlabelled; another annotator may take the slot. */
    public void skip(long taskId, String annotator) {
        Checks.annotator(annotator);
        db.transaction(c -> {
            int n = update(c, "UPDATE task_assignments SET status = 'SKIPPED', finished_at = ? "
                    + "WHERE task_id = ? AND annotator = ? AND status = 'ASSIGNED'", ts(FeedbackStore.now()), taskId, annotator);
            if (n == 0) {
                throw new FeedbackException("annotator '" + annotator + "' holds no open assignment of task " + taskId);
            }
            return null;
        });
    }

    /** Fails unless task {@code id} asks for exactly this label. */
    void requireTaskFor(Connection c, long id, TaskKind kind, long a, OptionalLong b) throws SQLException {
        List<AnnotationTask> found = list(c, "SELECT " + TASK_COLUMNS + " FROM annotation_tasks t WHERE t.id = ?",
                AnnotationQueue::task, id);
        if (found.isEmpty()) {
            throw new FeedbackException("annotation task " + id + " does not exist");
        }
        AnnotationTask t = found.get(0);
        boolean matches = t.kind() == kind && (kind == TaskKind.RATING
                ? t.responseA() == a
                : (t.responseA() == a && t.responseB().equals(b))
                || (b.isPresent() && t.responseA() == b.getAsLong() && t.responseB().equals(OptionalLong.of(a))));
        if (!matches) {
            throw new FeedbackException("annotation task " + id + " is a " + t.kind() + " task on response(s) "
                    + t.responseA() + (t.responseB().isPresent() ? "," + t.responseB().getAsLong() : "")
                    + ", not this " + kind + " label");
        }
    }

    void markDone(Connection c, long taskId, String annotator, Instant now) throws SQLException {
        int n = update(c, "UPDATE task_assignments SET status = 'DONE', finished_at = ? WHERE task_id = ? AND annotator = ?",
                ts(now), taskId, annotator);
        if (n == 0) {
            update(c, "INSERT INTO task_assignments (task_id, annotator, status, assigned_at, finished_at) "
                    + "VALUES (?, ?, 'DONE', ?, ?)", taskId, annotator, ts(now), ts(now));
        }
    }

    private static AnnotationTask task(ResultSet rs) throws SQLException {
        return new AnnotationTask(rs.getLong(1), rs.getString(2), TaskKind.valueOf(rs.getString(3)), rs.getLong(4),
                FeedbackStore.optionalLong(rs, 5), rs.getInt(6), rs.getInt(7), rs.getInt(8), FeedbackStore.instant(rs, 9));
    }
}
