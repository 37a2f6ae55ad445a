package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.datasets.generate.CorpusGenerator;
import dev.aisle.datasets.judgments.EvalQuestion;
import dev.aisle.datasets.judgments.Intent;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.judgments.Split;
import dev.aisle.engine.home.AisleHome;
import dev.aisle.engine.rag.RagPipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How well the question analysis reads the corpus' own questions, per split: intent against the
 * question's labelled intent (a confusion table), and the products it names against the products
 * the question is about (product detail, comparison and store-service questions list them; advice
 * and recommendation questions and judged retrieval queries name none, so any product named there
 * is a false positive). No model, no index: seconds, so it is the quick loop for analysis changes;
 * the answers eval then shows what they do to the answers.
 *
 * <pre>java … dev.aisle.engine.rag.analysis.AnalysisBench [--split TRAIN|HELD_OUT] [--show N]</pre>
 * prints the tables and the first N misreadings of each kind to stderr.
 */
public final class AnalysisBench {

    /** Products read against the products a question is about. */
    public record NameScore(int questions, int exact, int missed, int extra) {
    }

    /** One split's figures. */
    public record Report(Split split, Map<Intent, Map<Intent, Integer>> confusion, NameScore named,
                         int unnamedQuestions, int unnamedWithProduct, int judgedQueries, int judgedWithProduct) {

        public double intentAccuracy() {
            int all = 0;
            int ok = 0;
            for (Map.Entry<Intent, Map<Intent, Integer>> e : confusion.entrySet()) {
                for (Map.Entry<Intent, Integer> c : e.getValue().entrySet()) {
                    all += c.getValue();
                    ok += e.getKey() == c.getKey() ? c.getValue() : 0;
                }
            }
            return all == 0 ? 0 : (double) ok / all;
        }
    }

    private AnalysisBench() {
    }

    public static void main(String[] args) throws IOException {
        Split only = null;
        int show = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--split" -> only = Split.valueOf(args[++i]);
                case "--show" -> show = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "' (--split TRAIN|HELD_OUT, --show N)");
            }
        }
        Corpus corpus = CorpusStore.loadOrGenerate(AisleHome.fromEnvironment().corpusDir(), CorpusGenerator.DEFAULT_SEED);
        QuestionAnalyzer analyzer = new QuestionAnalyzer(RagPipeline.lexicon(corpus));
        for (Split split : Split.values()) {
            if (only == null || only == split) {
                print(run(analyzer, corpus, split, System.err, show), System.err);
            }
        }
    }

    /** Analyses every question and judged query of {@code split}; misreadings (up to {@code show} per kind) go to {@code log}. */
    public static Report run(QuestionAnalyzer analyzer, Corpus corpus, Split split, PrintStream log, int show) {
        Map<Intent, Map<Intent, Integer>> confusion = new EnumMap<>(Intent.class);
        int questions = 0;
        int exact = 0;
        int missed = 0;
        int extra = 0;
        int unnamed = 0;
        int unnamedWithProduct = 0;
        int shownIntent = 0;
        int shownNames = 0;
        for (EvalQuestion q : corpus.evalQuestions()) {
            if (q.split() != split) {
                continue;
            }
            QuestionAnalysis a = analyzer.analyze(q.question(), ConversationContext.empty());
            confusion.computeIfAbsent(q.intent(), k -> new EnumMap<>(Intent.class)).merge(a.intent(), 1, Integer::sum);
            if (a.intent() != q.intent() && shownIntent++ < show) {
                log.printf("  intent %s read as %s: %s%n", q.intent(), a.intent(), q.question());
            }
            Set<String> named = new HashSet<>(a.constraints().namedProducts());
            if (aboutProducts(q.intent())) {
                questions++;
                Set<String> want = new HashSet<>(q.productIds());
                boolean miss = !named.containsAll(want);
                boolean more = !want.containsAll(named);
                exact += miss || more ? 0 : 1;
                missed += miss ? 1 : 0;
                extra += more ? 1 : 0;
                if ((miss || more) && shownNames++ < show) {
                    log.printf("  names %s want %s: %s%n", named, want, q.question());
                }
            } else {
                unnamed++;
                if (!named.isEmpty()) {
                    unnamedWithProduct++;
                    if (shownNames++ < show) {
                        log.printf("  names %s in a %s question: %s%n", named, q.intent(), q.question());
                    }
                }
            }
        }
        int judged = 0;
        int judgedNamed = 0;
        for (JudgedQuery q : corpus.judgedQueries()) {
            if (q.split() != split) {
                continue;
            }
            judged++;
            List<String> named = analyzer.analyze(q.query(), ConversationContext.empty()).constraints().namedProducts();
            if (!named.isEmpty()) {
                judgedNamed++;
                if (shownNames++ < show) {
                    log.printf("  names %s in judged query: %s%n", named, q.query());
                }
            }
        }
        return new Report(split, confusion, new NameScore(questions, exact, missed, extra), unnamed, unnamedWithProduct,
                judged, judgedNamed);
    }

    public static void print(Report r, PrintStream out) {
        out.printf(Locale.ROOT, "%s: intent accuracy %.3f%n", r.split(), r.intentAccuracy());
        out.printf("  %-16s", "labelled \\ read");
        for (Intent i : Intent.values()) {
            out.printf("%16s", i.name().toLowerCase(Locale.ROOT));
        }
        out.println();
        for (Intent want : Intent.values()) {
            Map<Intent, Integer> row = r.confusion().getOrDefault(want, Map.of());
            out.printf("  %-16s", want.name().toLowerCase(Locale.ROOT));
            for (Intent got : Intent.values()) {
                out.printf("%16d", row.getOrDefault(got, 0));
            }
            out.println();
        }
        NameScore n = r.named();
        out.printf(Locale.ROOT, "  named products (detail, comparison, store questions): %d questions, exact %d (%.3f), missed some %d, extra %d%n",
                n.questions(), n.exact(), n.questions() == 0 ? 0 : (double) n.exact() / n.questions(), n.missed(), n.extra());
        out.printf("  advice/recommendation questions naming a product: %d of %d; judged queries naming a product: %d of %d%n",
                r.unnamedWithProduct(), r.unnamedQuestions(), r.judgedWithProduct(), r.judgedQueries());
    }

    private static boolean aboutProducts(Intent intent) {
        return intent == Intent.PRODUCT_DETAIL || intent == Intent.COMPARISON || intent == Intent.STORE_SERVICE;
    }
}
