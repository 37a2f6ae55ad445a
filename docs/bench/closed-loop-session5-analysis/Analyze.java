import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.datasets.corpus.CorpusStore;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.evaluations.loop.JudgeScore;
import dev.aisle.evaluations.loop.RuleJudge;
import dev.aisle.evaluations.metric.Catalogue;
import dev.aisle.evaluations.metric.Observation;
import dev.aisle.evaluations.suite.SuiteGenerator;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.system.MarkupStats;
import dev.aisle.evaluations.system.SystemAnswer;

import java.nio.file.*;
import java.util.*;

/** Scores cached answers with the rule judge: one TSV row per (file, question). Analysis only, not project code. */
public class Analyze {
    public static void main(String[] args) throws Exception {
        Corpus corpus = CorpusStore.read(Path.of(args[0]));
        Map<String, SuiteItem> items = new HashMap<>();
        SuiteGenerator.answers(corpus).items().forEach(i -> items.put(i.id(), i));
        for (var sp : dev.aisle.datasets.judgments.Split.values()) {
            SuiteGenerator.answers(corpus, sp).items().forEach(i -> items.put(i.id(), i));
        }
        Catalogue cat = Catalogue.of(corpus.products());
        RuleJudge judge = new RuleJudge();
        ObjectMapper json = new ObjectMapper();
        System.out.println("file\tid\tintent\tchars\ttotal\tfit\tgrounded\tconstraints\tmarkup\tmadeup\tbinding\tcitation\tprices");
        var binding = dev.aisle.evaluations.metric.AnswerMetrics.priceRatingBinding();
        var cite = dev.aisle.evaluations.metric.AnswerMetrics.citationPrecision();
        var prices = dev.aisle.evaluations.metric.AnswerMetrics.priceRatingAccuracy();
        for (int f = 1; f < args.length; f++) {
            for (String line : Files.readAllLines(Path.of(args[f]))) {
                JsonNode e = json.readTree(line);
                SuiteItem item = items.get(e.get("id").asText());
                if (item == null) { System.err.println("no item " + e.get("id")); continue; }
                List<EvidenceLine> ev = new ArrayList<>();
                for (JsonNode l : e.get("evidence")) {
                    ev.add(new EvidenceLine(l.get("label").asText(), l.get("source").asText(),
                            l.get("productId").isNull() ? null : l.get("productId").asText(), l.get("text").asText()));
                }
                List<String> ranked = new ArrayList<>();
                e.get("rankedIds").forEach(n -> ranked.add(n.asText()));
                Optional<MarkupStats> m = e.get("validMarkup").isNull() ? Optional.empty()
                        : Optional.of(new MarkupStats(e.get("validMarkup").asInt(), e.get("invalidMarkup").asInt()));
                SystemAnswer a = new SystemAnswer(e.get("answerText").asText(), ev, ranked, OptionalDouble.empty(), OptionalDouble.empty(), m);
                Observation o = new Observation(item, a, cat);
                JudgeScore s = judge.score(o);
                var b = binding.score(o); var c = cite.score(o); var pr = prices.score(o);
                System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%s\t%s\t%s%n", Path.of(args[f]).getFileName(), item.id(),
                        item.intent().map(Object::toString).orElse("none"), a.answerText().length(), s.total(), s.intentFit(),
                        s.groundedness(), s.constraintSatisfaction(), s.markupValidity(), s.hallucinatedProductRate(),
                        b.isPresent() ? String.format(Locale.ROOT, "%.3f", b.getAsDouble()) : "NA",
                        c.isPresent() ? String.format(Locale.ROOT, "%.3f", c.getAsDouble()) : "NA",
                        pr.isPresent() ? String.format(Locale.ROOT, "%.3f", pr.getAsDouble()) : "NA");
            }
        }
    }
}
