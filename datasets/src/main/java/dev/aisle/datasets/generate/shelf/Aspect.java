package dev.aisle.datasets.generate.shelf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Something reviewers praise or criticise (grip, warmth, battery life). Each product has a hidden
 * score per aspect, near its overall quality; the {@code bias} rule pins it where the attributes
 * leave no doubt (+1: can only be praised, -1: can only be criticised, 0: up to the build,
 * {@link #SKIP}: does not apply to this product, so reviewers never mention it).
 */
public final class Aspect {

    public static final int SKIP = 9;

    private final String name;
    private final List<String> praise = new ArrayList<>();
    private final List<String> complaints = new ArrayList<>();
    private final List<String> praiseTitles = new ArrayList<>();
    private final List<String> complaintTitles = new ArrayList<>();
    private ToIntFunction<Facts> bias = f -> 0;

    public Aspect(String name) {
        this.name = name;
    }

    public Aspect praise(String... templates) {
        praise.addAll(List.of(templates));
        return this;
    }

    public Aspect complain(String... templates) {
        complaints.addAll(List.of(templates));
        return this;
    }

    /** Short review titles, "+..." praising and "-..." complaining. */
    public Aspect titles(String... titles) {
        for (String t : titles) {
            (t.startsWith("-") ? complaintTitles : praiseTitles).add(t.substring(1));
        }
        return this;
    }

    public Aspect bias(ToIntFunction<Facts> rule) {
        this.bias = rule;
        return this;
    }

    public String name() {
        return name;
    }

    public List<String> praiseTemplates() {
        return praise;
    }

    public List<String> complaintTemplates() {
        return complaints;
    }

    public List<String> praiseTitles() {
        return praiseTitles;
    }

    public List<String> complaintTitles() {
        return complaintTitles;
    }

    public int bias(Facts f) {
        return bias.applyAsInt(f);
    }
}
