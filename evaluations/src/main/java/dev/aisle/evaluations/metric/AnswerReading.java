package dev.aisle.evaluations.metric;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;
import dev.aisle.engine.prompt.EvidenceLine;
import dev.aisle.evaluations.suite.SuiteItem;
import dev.aisle.evaluations.suite.Turn;
import dev.aisle.evaluations.system.SystemAnswer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer read once for all metrics: its markup elements, its sentences with their citations
 * and claims, the products it names and recommends, and what its evidence can support.
 */
public final class AnswerReading {

    /** One sentence: its plain text, the evidence labels it cites, its checkable claims. */
    public record Sentence(String plain, List<String> citedRefs, List<Claim> claims) {
    }

    /** Sentence ends: after . ! ? and blank space, or a line break; a cite right after stays with its sentence. */
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?!<cite\\b)|\\s*\\n+\\s*(?!<cite\\b)");

    private final SystemAnswer answer;
    private final Catalogue catalogue;
    private final ClaimExtractor extractor;
    private final List<MarkupElement> elements;
    private final List<Sentence> sentences = new ArrayList<>();
    private final Set<String> namedProducts = new LinkedHashSet<>();
    private final Set<String> recommendedProducts = new LinkedHashSet<>();
    private final Set<String> groundedProducts = new LinkedHashSet<>();
    private final Map<String, List<Claim>> evidenceClaims = new HashMap<>();
    private Map<String, String> names;

    public AnswerReading(SuiteItem item, SystemAnswer answer, Catalogue catalogue) {
        this.answer = answer;
        this.catalogue = catalogue;
        this.extractor = ClaimExtractor.forCatalogue(catalogue);
        Set<String> labels = new LinkedHashSet<>();
        answer.evidence().forEach(e -> labels.add(e.label()));
        String text = answer.answerText();
        this.elements = MarkupScan.scan(text, catalogue::contains, labels::contains, catalogue.productElementTags());
        for (MarkupElement e : elements) {
            if (e.name().equals("product") || e.name().equals("compare")) {
                recommendedProducts.addAll(e.ids());
            }
            if (!e.name().equals("cite")) {
                namedProducts.addAll(e.ids());
            }
        }
        readSentences(text);
        for (EvidenceLine e : answer.evidence()) {
            if (!e.productId().isBlank()) {
                groundedProducts.add(e.productId());
            }
            idsIn(e.text(), groundedProducts);
        }
        for (Turn t : item.history()) {
            idsIn(t.answer(), groundedProducts);
            idsIn(t.question(), groundedProducts);
        }
        groundedProducts.retainAll(catalogue.products().stream().map(Product::id).toList());
    }

    private void readSentences(String text) {
        Matcher b = BOUNDARY.matcher(text);
        int from = 0;
        List<int[]> spans = new ArrayList<>();
        while (b.find()) {
            spans.add(new int[]{from, b.start()});
            from = b.end();
        }
        spans.add(new int[]{from, text.length()});
        for (int[] span : spans) {
            String raw = text.substring(span[0], span[1]);
            if (raw.isBlank()) {
                continue;
            }
            List<String> cites = new ArrayList<>();
            List<Claim> claims = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (MarkupElement e : elements) {
                if (e.offset() < span[0] || e.offset() >= span[1]) {
                    continue;
                }
                if (e.name().equals("cite")) {
                    cites.addAll(e.ids());
                } else {
                    ids.addAll(e.ids());
                }
            }
            String plain = MarkupScan.plainText(raw);
            for (Claim c : extractor.extract(plain)) {
                if (c.type() == Claim.Type.PRODUCT) {
                    ids.add(c.productId());
                } else {
                    claims.add(c);
                }
            }
            ids.forEach(id -> claims.add(Claim.product(id)));
            namedProducts.addAll(ids);
            sentences.add(new Sentence(plain, cites, claims));
        }
    }

    private static void idsIn(String text, Set<String> into) {
        Matcher m = ClaimExtractor.PRODUCT_ID.matcher(text);
        while (m.find()) {
            into.add(m.group());
        }
    }

    public SystemAnswer answer() {
        return answer;
    }

    public List<MarkupElement> elements() {
        return elements;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public List<Claim> claims() {
        return sentences.stream().flatMap(s -> s.claims().stream()).toList();
    }

    /** Distinct product ids the answer names, in markup or as bare ids. */
    public Set<String> namedProducts() {
        return namedProducts;
    }

    /** Products shown as cards or in a comparison: what the answer recommends. */
    public Set<String> recommendedProducts() {
        return recommendedProducts;
    }

    /**
     * Catalogue products the answer may name: those of its evidence items (by product id or
     * mentioned in their text) and those of earlier turns.
     */
    public Set<String> groundedProducts() {
        return groundedProducts;
    }

    /**
     * The products a sentence names: its product elements and bare ids, and the evidence products whose name
     * (distinctive leading title words, see {@code ProductSubject.nameSpellings}) it contains at a word start.
     */
    public Set<String> productsNamedIn(Sentence s) {
        Set<String> out = new LinkedHashSet<>();
        s.claims().stream().filter(c -> c.type() == Claim.Type.PRODUCT).forEach(c -> out.add(c.productId()));
        String lower = s.plain().toLowerCase(java.util.Locale.ROOT);
        names().forEach((id, name) -> {
            int at = lower.indexOf(name);
            while (at >= 0) {
                if (at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))) {
                    out.add(id);
                    break;
                }
                at = lower.indexOf(name, at + 1);
            }
        });
        return out;
    }

    private Map<String, String> names() {
        if (names == null) {
            Map<String, String> titles = new java.util.LinkedHashMap<>();
            for (EvidenceLine e : answer.evidence()) {
                if (!e.productId().isBlank()) {
                    catalogue.product(e.productId()).ifPresent(p -> titles.put(p.id(), p.title()));
                }
            }
            names = dev.aisle.engine.generate.ProductSubject.nameSpellings(titles);
        }
        return names;
    }

    public String plainText() {
        return MarkupScan.plainText(answer.answerText());
    }

    /** Whether the claim is supported by this answer's evidence or by the catalogue entries in scope. */
    public boolean supported(Claim claim) {
        if (claim.type() == Claim.Type.PRODUCT) {
            return groundedProducts.contains(claim.productId());
        }
        Set<String> scope = new LinkedHashSet<>(namedProducts);
        scope.addAll(groundedProducts);
        for (String id : scope) {
            if (catalogue.product(id).map(p -> catalogueStates(p, claim)).orElse(false)) {
                return true;
            }
        }
        return answer.evidence().stream().anyMatch(e -> textStates(e, claim));
    }

    /** Whether one evidence item alone supports the claim: its text, or its product's catalogue entry. */
    public boolean supportedBy(Claim claim, EvidenceLine e) {
        if (claim.type() == Claim.Type.PRODUCT) {
            return claim.productId().equals(e.productId()) || e.text().contains(claim.productId());
        }
        if (catalogue.product(e.productId()).map(p -> catalogueStates(p, claim)).orElse(false)) {
            return true;
        }
        return textStates(e, claim);
    }

    private boolean textStates(EvidenceLine e, Claim claim) {
        List<Claim> claims = evidenceClaims.computeIfAbsent(e.label(), l -> extractor.extract(MarkupScan.plainText(e.text())));
        return claims.stream().anyMatch(c -> c.sameValueAs(claim));
    }

    static boolean catalogueStates(Product p, Claim claim) {
        return switch (claim.type()) {
            case PRICE -> Math.abs(p.price() - claim.value()) < 0.005 || Math.abs(p.listPrice() - claim.value()) < 0.005;
            case RATING -> Math.abs(p.rating() - claim.value()) < 0.05;
            case MEASURE -> {
                for (Attribute a : p.attributes()) {
                    if (a.number().isPresent() && Units.canonical(a.unit()).equals(claim.unit())
                            && ClaimValues.equalMeasure(a.number().getAsDouble(), claim.value())) {
                        yield true;
                    }
                }
                yield false;
            }
            case PRODUCT -> p.id().equals(claim.productId());
        };
    }
}
