package dev.aisle.plugins.sizeguide;

import dev.aisle.engine.spi.AislePlugin;
import dev.aisle.engine.spi.EvidenceSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Contributes the size-guide evidence source. */
public final class SizeGuidePlugin implements AislePlugin {

    @Override
    public String name() {
        return "size-guide";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<EvidenceSource> evidenceSources() {
        return List.of(new SizeGuideSource());
    }

    /** Answers only questions about size or fit, with the charts whose product words the question uses. */
    static final class SizeGuideSource implements EvidenceSource {

        @Override
        public String name() {
            return "size-guide";
        }

        @Override
        public List<EvidenceItem> fetch(EvidenceRequest request) {
            Set<String> words = Set.of(request.question().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
            if (SizeChart.SIZE_WORDS.stream().noneMatch(words::contains)) {
                return List.of();
            }
            List<EvidenceItem> items = new ArrayList<>();
            for (SizeChart chart : SizeChart.STORE) {
                long hits = chart.triggers().stream().filter(words::contains).count();
                if (hits == 0) {
                    continue;
                }
                for (int i = 0; i < chart.rows().size() && items.size() < request.maxItems(); i++) {
                    items.add(new EvidenceItem(chart.id() + "-" + i, "", chart.rows().get(i), hits - 0.1 * i));
                }
            }
            items.sort((a, b) -> Double.compare(b.score(), a.score()));
            return items;
        }
    }
}
