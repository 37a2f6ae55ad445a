package dev.aisle.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.engine.feedback.FeedbackDatabase;
import dev.aisle.engine.feedback.FeedbackStore;
import dev.aisle.engine.feedback.NewRating;
import dev.aisle.engine.feedback.NewResponse;
import dev.aisle.engine.feedback.Thumb;
import dev.aisle.engine.feedback.Turn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code aisle feedback bench}: how long a label takes to be committed (the wait an annotator
 * sees before "saved"), on a throwaway store, from one annotator and from several at once.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Label commit latency (p50/p90/p99) and labels/s on a throwaway store, 1 and N annotators.")
final class FeedbackBenchCommand implements Callable<Integer> {

    @Option(names = "--labels", defaultValue = "300", description = "labels per run (default ${DEFAULT-VALUE})")
    int labels;

    @Option(names = "--annotators", defaultValue = "4", description = "concurrent annotators in the second run (default ${DEFAULT-VALUE})")
    int annotators;

    @Option(names = "--db", description = "JDBC URL of an empty scratch database (default: a temporary embedded H2 store)")
    String url;

    @Option(names = "--db-user", defaultValue = "")
    String user;

    @Option(names = "--db-password", defaultValue = "")
    String password;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (labels < 1 || annotators < 1) {
            System.err.println("feedback bench: --labels and --annotators must be >= 1, got " + labels + " and " + annotators);
            return 2;
        }
        Path tmp = Files.createTempDirectory("aisle-feedback-bench");
        try (FeedbackStore store = new FeedbackStore(url == null
                ? FeedbackDatabase.embedded(tmp.resolve("bench"))
                : FeedbackDatabase.open(url, user, password))) {
            Turn t = store.addTurn(store.startConversation("bench").id(), "bench question");
            long response = store.addResponse(new NewResponse(t.id(), "bench", "1", "{}", "{}", "p", "a")).id();
            run(store, response, 1, Math.min(20, labels)); // warm-up
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("store", store.database().url().replaceAll(";.*", ""));
            out.put("oneAnnotator", run(store, response, 1, labels));
            out.put(annotators + "Annotators", run(store, response, annotators, labels));
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(out));
            } else {
                out.forEach((k, v) -> System.out.println(k + ": " + v));
            }
            return 0;
        } finally {
            deleteTree(tmp);
        }
    }

    private static Map<String, Object> run(FeedbackStore store, long response, int threads, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                String who = "bench-" + k;
                int share = total / threads + (k < total % threads ? 1 : 0);
                futures.add(pool.submit(() -> {
                    long[] micros = new long[share];
                    for (int i = 0; i < share; i++) {
                        long t0 = System.nanoTime();
                        store.rate(new NewRating(response, who, Thumb.UP, Set.of("bench"), ""));
                        micros[i] = (System.nanoTime() - t0) / 1_000;
                    }
                    return micros;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                Arrays.stream(f.get()).forEach(all::add);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            all.sort(Long::compare);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("labels", all.size());
            r.put("commit_ms_p50", ms(all, 0.50));
            r.put("commit_ms_p90", ms(all, 0.90));
            r.put("commit_ms_p99", ms(all, 0.99));
            r.put("labels_per_s", Math.round(all.size() / seconds * 10) / 10.0);
            return r;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double ms(List<Long> sortedMicros, double q) {
        int i = (int) Math.min(sortedMicros.size() - 1, Math.ceil(q * sortedMicros.size()) - 1);
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", sortedMicros.get(Math.max(0, i)) / 1000.0));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
