package dev.aisle.evaluations.metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds checkable claims in plain text (markup already removed): prices ("$129.99",
 * "$1,299"), ratings ("4.5 stars", "4.5 out of 5", "4.5/5", "rated 4.5"), measures with a
 * unit the catalogue uses ("8 mm", "250 g", "10.5 inches") and bare product ids
 * ("B0GLV12345"). Product ids inside markup are read by {@link MarkupScan}.
 *
 * <p>Prices and ratings are found first and masked, so "$129.99" is never also read as a
 * measure and "4.5 stars" never as a price.
 */
public final class ClaimExtractor {

    private static final Pattern PRICE = Pattern.compile("\\$\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{1,2})?(?![\\d])");
    private static final Pattern RATING = Pattern.compile(
            "(?i)(?<![\\d.])([1-5](?:\\.\\d)?)\\s?(?:-\\s?)?(?:stars?\\b|out of (?:5|five)\\b|/\\s?5(?![\\d.]))"
                    + "|(?i)\\brated\\s+([1-5](?:\\.\\d)?)(?![\\d.])");
    /** ASIN-like ids: B0 and eight more upper-case letters or digits. */
    public static final Pattern PRODUCT_ID = Pattern.compile("\\bB0[A-Z0-9]{8}\\b");

    private final Pattern measure;

    /** @param canonicalUnits the units to recognise, canonical spelling (see {@link Catalogue#measureUnits()}) */
    public ClaimExtractor(Collection<String> canonicalUnits) {
        List<String> spellings = new ArrayList<>();
        for (String u : canonicalUnits) {
            spellings.addAll(Units.spellings(u));
        }
        // Longest first so "mm" wins over "m" and "inches" over "in".
        spellings.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String s : spellings) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(Pattern.quote(s));
        }
        this.measure = alt.length() == 0 ? null : Pattern.compile(
                "(?i)(?<![\\d.,$])(\\d+(?:\\.\\d+)?)\\s?(?:-\\s?)?(" + alt + ")(?![A-Za-z0-9])");
    }

    public static ClaimExtractor forCatalogue(Catalogue catalogue) {
        return new ClaimExtractor(catalogue.measureUnits());
    }

    public List<Claim> extract(String plainText) {
        List<Claim> out = new ArrayList<>();
        StringBuilder masked = new StringBuilder(plainText);
        Matcher p = PRICE.matcher(plainText);
        while (p.find()) {
            String number = p.group(1).replace(",", "") + (p.group(2) == null ? "" : p.group(2));
            out.add(Claim.price(p.group(), Double.parseDouble(number)));
            mask(masked, p.start(), p.end());
        }
        Matcher r = RATING.matcher(masked);
        List<int[]> ratingSpans = new ArrayList<>();
        while (r.find()) {
            String number = r.group(1) != null ? r.group(1) : r.group(2);
            out.add(Claim.rating(r.group().trim(), Double.parseDouble(number)));
            ratingSpans.add(new int[]{r.start(), r.end()});
        }
        ratingSpans.forEach(s -> mask(masked, s[0], s[1]));
        if (measure != null) {
            Matcher m = measure.matcher(masked);
            while (m.find()) {
                out.add(Claim.measure(m.group(), Double.parseDouble(m.group(1)), Units.canonical(m.group(2))));
            }
        }
        Matcher id = PRODUCT_ID.matcher(plainText);
        while (id.find()) {
            out.add(Claim.product(id.group()));
        }
        return out;
    }

    private static void mask(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            s.setCharAt(i, ' ');
        }
    }
}
