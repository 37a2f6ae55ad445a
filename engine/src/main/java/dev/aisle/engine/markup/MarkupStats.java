package dev.aisle.engine.markup;

/**
 * How the markup of one answer fared; stored in the AnswerTrace under {@link #SECTION}.
 *
 * @param products        product elements shown
 * @param comparisons     comparison elements shown
 * @param citations       citation elements shown
 * @param links           in-store links shown
 * @param malformed       tags of ours that broke the grammar or never closed, shown as text
 * @param unknownElements tags that are not ours at all ({@code <script>}, {@code <b>}), shown as text
 * @param unknownIds      well-formed elements naming a product or evidence item outside the answer's scope
 * @param outsideLinks    links to anything but {@code search:}, {@code category:} or {@code product:}
 * @param pluginElements  elements of plugins ({@code <deal …/>}) shown; a rejected one counts as
 *                        malformed (its plugin found a problem) or unknownIds (a product outside the scope)
 */
public record MarkupStats(int products, int comparisons, int citations, int links,
                          int malformed, int unknownElements, int unknownIds, int outsideLinks,
                          int pluginElements) {

    /** Counts of an answer without plugin elements. */
    public MarkupStats(int products, int comparisons, int citations, int links,
                       int malformed, int unknownElements, int unknownIds, int outsideLinks) {
        this(products, comparisons, citations, links, malformed, unknownElements, unknownIds, outsideLinks, 0);
    }

    /** The AnswerTrace section name. */
    public static final String SECTION = "markup";

    public static final MarkupStats EMPTY = new MarkupStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** Elements shown as elements. */
    public int valid() {
        return products + comparisons + citations + links + pluginElements;
    }

    /** Things that looked like markup and were shown as text instead. */
    public int rejected() {
        return malformed + unknownElements + unknownIds + outsideLinks;
    }

    /** Share of attempted elements that were valid; 1.0 for an answer without any markup. */
    public double validity() {
        int attempted = valid() + rejected();
        return attempted == 0 ? 1.0 : (double) valid() / attempted;
    }

    public MarkupStats plus(MarkupStats o) {
        return new MarkupStats(products + o.products, comparisons + o.comparisons, citations + o.citations,
                links + o.links, malformed + o.malformed, unknownElements + o.unknownElements,
                unknownIds + o.unknownIds, outsideLinks + o.outsideLinks, pluginElements + o.pluginElements);
    }
}
