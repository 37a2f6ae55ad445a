package dev.aisle.engine.feedback;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.ConnectionPoolDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Connections to the feedback database, its schema migrations, and transactions.
 *
 * <p>Embedded H2 runs in automatic mixed mode ({@code AUTO_SERVER=TRUE}): the first process opens
 * the file and serves it over loopback TCP to the others, and if that process dies another takes
 * over. {@code WRITE_DELAY=0} makes H2 write each commit to the file before the commit returns,
 * so a label acknowledged to the annotator survives the process being killed.
 */
public final class FeedbackDatabase implements AutoCloseable {

    /** Where the versioned migrations live (Flyway naming: {@code V<n>__<what>.sql}). */
    public static final String MIGRATIONS = "classpath:db/feedback";
    private static final int MAX_ATTEMPTS = 8;

    private final String url;
    private final JdbcConnectionPool pool;
    private final Flyway flyway;

    private FeedbackDatabase(String url, ConnectionPoolDataSource source) {
        this.url = url;
        this.pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(16);
        this.flyway = migrate();
    }

    /** The embedded store at {@code base} (H2 adds ".mv.db"), shared by every process that opens it. */
    public static FeedbackDatabase embedded(Path base) {
        String url = "jdbc:h2:file:" + base.toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        return open(url, "sa", "");
    }

    /**
     * An H2 ({@code jdbc:h2:…}) or PostgreSQL ({@code jdbc:postgresql://…}) database. A blank
     * user on H2 means "sa", the user the embedded store is created with.
     */
    public static FeedbackDatabase open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(jdbcUrl);
            ds.setUser(user == null || user.isBlank() ? "sa" : user);
            ds.setPassword(password == null ? "" : password);
            return new FeedbackDatabase(jdbcUrl, ds);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
            ds.setURL(jdbcUrl);
            ds.setUser(user);
            ds.setPassword(password);
            return new FeedbackDatabase(jdbcUrl, ds);
        }
        throw new FeedbackException("feedback database URL must start with jdbc:h2: or jdbc:postgresql:, got " + jdbcUrl);
    }

    /** The transaction this thread has open, which nested work joins. */
    private final ThreadLocal<Connection> open = new ThreadLocal<>();

    public String url() {
        return url;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Brings the schema to the newest version; safe when several processes start at once. */
    private Flyway migrate() {
        try {
            Flyway flyway = Flyway.configure(FeedbackDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .table("feedback_schema_history")
                    .load();
            flyway.migrate();
            return flyway;
        } catch (RuntimeException e) {
            pool.dispose();
            throw new FeedbackException("cannot migrate the feedback database at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The schema version the database is at, e.g. "1". */
    public String schemaVersion() {
        var current = flyway.info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits it before returning. A transaction that
     * lost a race (lock timeout, deadlock, serialization failure) is retried from the start.
     * Called inside another transaction on the same thread, it joins that one: the outer
     * transaction commits or rolls back everything (an import is all or nothing).
     */
    public <T> T transaction(Work<T> work) {
        if (open.get() != null) {
            return joined(work);
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                open.set(c);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    open.remove();
                }
            } catch (SQLException e) {
                if (!retryable(e)) {
                    throw translate(e);
                }
                last = e;
                backOff(attempt);
            }
        }
        throw new FeedbackException("gave up after " + MAX_ATTEMPTS + " attempts on " + url + ": " + last.getMessage(), last);
    }

    /** Runs a read in auto-commit mode, or inside this thread's open transaction (to see its writes). */
    public <T> T read(Work<T> work) {
        if (open.get() != null) {
            return joined(work);
        }
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Work inside this thread's open transaction, which commits or rolls it back with the rest. */
    private <T> T joined(Work<T> work) {
        try {
            return work.run(open.get());
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static boolean retryable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // 40001 serialization failure, 40P01 deadlock (PostgreSQL); HYT00 lock timeout, 40001 deadlock (H2)
        return state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.startsWith("40");
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (5 * Math.pow(2, attempt) * Math.random()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedbackException("interrupted while retrying a feedback transaction", e);
        }
    }

    private FeedbackException translate(SQLException e) {
        return new FeedbackException("feedback database " + url + " failed (SQL state " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
