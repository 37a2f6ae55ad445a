package dev.aisle.engine.generate;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ProductSubjectTest extends OnTinyVocabulary {

    static final Map<String, String> TITLES = Map.of(
            "B0X1", "Greenkeeper Spin Control 9 Golf Balls (12 Pack)",
            "B0X2", "Greenkeeper Spin Control 7 Golf Balls (12 Pack)",
            "B0X3", "Frostbite Pro Golf Glove");

    private static ProductSubject reading(String text, Optional<String> fallback) {
        ProductSubject s = new ProductSubject(vocab, TITLES, fallback);
        for (int id : fx.tokenizer.encode(text)) {
            s.accept(id);
        }
        return s;
    }

    @Test
    void aProductIsNamedByItsShortestDistinctiveTitleWords() {
        Map<String, String> names = new java.util.HashMap<>();
        ProductSubject.names(TITLES).forEach(n -> names.put(n.productId(), n.spelling()));
        assertEquals("greenkeeper spin control 9", names.get("B0X1"), "siblings share 'Greenkeeper Spin Control'");
        assertEquals("greenkeeper spin control 7", names.get("B0X2"));
        assertEquals("frostbite pro", names.get("B0X3"));
    }

    @Test
    void theSubjectIsTheLastProductNamedOrShownInTheSentence() {
        assertEquals(Optional.of("B0X2"), reading("The Greenkeeper Spin Control 7 costs", Optional.empty()).current());
        assertEquals(Optional.of("B0X3"), reading("The greenkeeper spin control 9 or rather the Frostbite Pro is",
                Optional.empty()).current());
        assertEquals(Optional.of("B0X1"), reading("Try <product id=\"B0X1\"/> the best", Optional.empty()).current());
        assertEquals(Optional.of("B0X2"), reading("See <link to=\"product:B0X2\">these</link> at", Optional.empty()).current());
        assertEquals(Optional.empty(), reading("Compare <compare ids=\"B0X1,B0X2\"/> both", Optional.empty()).current(),
                "a comparison is about no single product");
        assertEquals(Optional.empty(), reading("The Frostbite Pro is warm. It costs", Optional.empty()).current(),
                "a new sentence starts without a subject");
        assertEquals(Optional.of("B0X1"), reading("The Frostbite Pro is warm. It costs", Optional.of("B0X1")).current(),
                "or with the product the question asked about");
        assertEquals(Optional.empty(), reading("Afrostbite pro is", Optional.empty()).current(), "names start at a word");
    }

    @Test
    void boundPricesFollowTheSubject() {
        GroundedValues values = GroundedValues.of(java.util.List.of(
                new dev.aisle.engine.prompt.EvidenceLine("E1", "product", "B0X1", "Spin Control 9. $31.99, 4.5 stars."),
                new dev.aisle.engine.prompt.EvidenceLine("E2", "product", "B0X3", "Frostbite Pro. $24.99, 4.0 stars.")),
                TITLES, "gloves under $30", new NumberGrammar(MeasureUnits.common()));
        ProductSubject subject = new ProductSubject(vocab, TITLES, Optional.empty());
        PriceConstraint prices = new PriceConstraint(vocab, values, subject);
        DecodingConstraint both = DecodingConstraint.all(java.util.List.of(subject, prices));
        for (int id : fx.tokenizer.encode("The Frostbite Pro costs ")) {
            both.accept(id);
        }
        assertNull(prices.run("\u0000free", "$31.99"), "the balls' price is not the glove's");
        assertNotNull(prices.run("\u0000free", "$24.99 "));
        assertNotNull(prices.run("\u0000free", "$30 "), "the shopper's budget may be repeated");
        for (int id : fx.tokenizer.encode("$24.99. Also ")) {
            both.accept(id);
        }
        assertNotNull(prices.run("\u0000free", "$31.99 "), "a sentence about no product may state any evidence price");
        assertEquals(Set.of("31.99", "24.99", "30", "30.00"), values.prices(Optional.empty()));
    }
}
