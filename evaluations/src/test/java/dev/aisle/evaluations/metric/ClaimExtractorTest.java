package dev.aisle.evaluations.metric;

import dev.aisle.evaluations.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClaimExtractorTest {

    private final ClaimExtractor extractor = ClaimExtractor.forCatalogue(Fixtures.catalogue());

    @Test
    void findsPricesRatingsMeasuresAndIds() {
        List<Claim> c = extractor.extract("The B0TRL00001 costs $1,299.50, has 4.5 stars, weighs 280 grams and has a 4mm drop.");
        assertEquals(List.of(
                Claim.price("$1,299.50", 1299.50),
                Claim.rating("4.5 stars", 4.5),
                Claim.measure("280 grams", 280, "g"),
                Claim.measure("4mm", 4, "mm"),
                Claim.product("B0TRL00001")), c);
    }

    @Test
    void priceAndRatingNumbersAreNotReadAgainAsMeasures() {
        List<Claim> c = extractor.extract("Only $25 and 4.7/5 from 300 reviews; rated 4 by testers");
        assertEquals(List.of(Claim.price("$25", 25), Claim.rating("4.7/5", 4.7), Claim.rating("rated 4", 4)), c);
    }

    @Test
    void unitsOutsideTheCatalogueAreNotClaims() {
        // The fixture catalogue has mm, g and years; "10 km" is not a checkable measure here.
        assertEquals(List.of(), extractor.extract("Good for 10 km runs, 2 colours."));
    }

    @Test
    void sameValueComparesWithTolerance() {
        assertEquals(true, Claim.price("$129.99", 129.99).sameValueAs(Claim.price("$129.990", 129.990)));
        assertEquals(false, Claim.price("$129.99", 129.99).sameValueAs(Claim.price("$129.98", 129.98)));
        assertEquals(false, Claim.measure("4 mm", 4, "mm").sameValueAs(Claim.measure("4 g", 4, "g")));
    }
}
