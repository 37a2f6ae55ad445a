package dev.aisle.engine.feedback;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract on the embedded H2 store, as every workbench uses it. */
class H2FeedbackStoreTest extends FeedbackStoreContract {

    @TempDir
    Path dir;

    @Override
    FeedbackStore freshStore() {
        return new FeedbackStore(FeedbackDatabase.embedded(dir.resolve("aisle")));
    }
}
