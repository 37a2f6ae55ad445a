package dev.aisle.engine.feedback;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The same contract, migrations and queries against a real PostgreSQL server started on loopback.
 * Skipped, saying so, only when the PostgreSQL server binaries are not installed.
 */
class PostgresFeedbackStoreTest extends FeedbackStoreContract {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Optional<Path> bin = PostgresServer.findBinaries();
        Assumptions.assumeTrue(bin.isPresent(), PostgresServer.INSTALL_HINT);
        server = PostgresServer.start(bin.get());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    FeedbackStore freshStore() throws Exception {
        return new FeedbackStore(FeedbackDatabase.open(server.newDatabase(), "aisle", ""));
    }
}
