package dev.aisle.engine.feedback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several annotator processes on one embedded store, and one of them killed mid-burst. */
class FeedbackProcessesTest {

    @TempDir
    Path dir;

    private Process child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                LabelBurst.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static long seedResponse(FeedbackStore s) {
        Turn t = s.addTurn(s.startConversation("burst").id(), "q");
        return FeedbackStoreContract.answer(s, t, "a").id();
    }

    @Test
    void everyLabelAcknowledgedBeforeSigkillIsInTheStore() throws Exception {
        Path db = dir.resolve("aisle");
        long response;
        try (FeedbackStore s = new FeedbackStore(FeedbackDatabase.embedded(db))) {
            response = seedResponse(s);
        }
        // The child owns the database file: it is the process that dies. Its stdout goes to a file,
        // so every "ACK" it wrote before the kill can be read afterwards.
        // The child prints "ACK id" after each commit. Its stdout is read as it comes; once it has
        // acknowledged 30 labels it is killed, and whatever it printed before dying still counts.
        Process p = child(db.toString(), "rate", Long.toString(response), "burst-annotator", "0");
        Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch thirty = new java.util.concurrent.CountDownLatch(30);
        Thread reader = new Thread(() -> {
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                    if (l.startsWith("ACK ") && l.length() > 4) {
                        acknowledged.add(Long.parseLong(l.substring(4).strip()));
                        thirty.countDown();
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        });
        reader.start();
        thirty.await(240, TimeUnit.SECONDS);
        assertTrue(p.isAlive(), "the child died by itself after " + acknowledged.size() + " acknowledgements");
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(acknowledged.size() >= 30, "acknowledged " + acknowledged.size());
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        try (FeedbackStore s = new FeedbackStore(FeedbackDatabase.embedded(db))) {
            Set<Long> stored = new HashSet<>();
            s.ratings(response).forEach(r -> stored.add(r.id()));
            Set<Long> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertTrue(missing.isEmpty(), "acknowledged but lost: " + missing);
            assertTrue(stored.size() >= acknowledged.size(), "stored " + stored.size());
            s.rate(new NewRating(response, "after", Thumb.UP, Set.of(), "the store still takes labels"));
        }
    }

    @Test
    void twoAnnotatorProcessesAndThreadsShareOneStoreWithoutLosingLabels() throws Exception {
        Path db = dir.resolve("aisle");
        try (FeedbackStore s = new FeedbackStore(FeedbackDatabase.embedded(db))) {
            long response = seedResponse(s);
            for (int k = 0; k < 6; k++) {
                s.tasks().addRatingTask("shared", seedResponse(s), 2);
            }
            // This process opened the file first, so it serves it; the children connect over loopback.
            List<Process> children = List.of(
                    child(db.toString(), "rate", Long.toString(response), "proc-1", "30"),
                    child(db.toString(), "claim", "shared", "proc-2"));
            Thread local = new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    s.rate(new NewRating(response, "thread", Thumb.UP, Set.of(), "t" + i));
                }
                // and this process takes its share of the double-labelled tasks too
                var task = s.tasks().claimNext("shared", "thread");
                while (task.isPresent()) {
                    s.rate(new NewRating(task.get().responseA(), "thread", Thumb.DOWN, Set.of(), "",
                            java.util.OptionalLong.of(task.get().id())));
                    task = s.tasks().claimNext("shared", "thread");
                }
            });
            local.start();
            Set<Long> acknowledged = new HashSet<>();
            for (Process p : children) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), out);
                assertTrue(out.contains("DONE"), out);
                out.lines().filter(l -> l.startsWith("ACK ")).forEach(l -> acknowledged.add(Long.parseLong(l.substring(4))));
            }
            local.join();
            assertTrue(acknowledged.size() >= 30, "the rating burst and the child's share of the tasks: " + acknowledged.size());
            Set<Long> stored = new HashSet<>();
            s.allRatings().forEach(r -> stored.add(r.id()));
            assertTrue(stored.containsAll(acknowledged));
            assertEquals(30 + 30 + 6 * 2, stored.size(), "two bursts and both labels of six double-labelled tasks");
            for (AnnotationTask t : s.tasks().tasks("shared")) {
                assertEquals(2, t.labelsDone(), "task " + t.id());
            }
        }
    }
}
