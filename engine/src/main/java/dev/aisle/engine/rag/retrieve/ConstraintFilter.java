package dev.aisle.engine.rag.retrieve;

import dev.aisle.engine.rag.analysis.AgeRange;
import dev.aisle.engine.rag.analysis.QuestionAnalysis;
import dev.aisle.engine.rag.index.IndexSchema;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hard filters from a question's constraints. Price and age apply to product-linked documents
 * (guides have neither and pass); products that state no age range pass an age filter, because
 * "for my 5 yo" should not hide a water bottle that simply has no age on its label. Categories and
 * referenced products restrict everything, guides included when their category matches.
 */
public final class ConstraintFilter {

    /** The Lucene filter and a readable description of each clause, for the trace. */
    public record Filter(Optional<Query> query, List<String> clauses) {
        public Filter {
            clauses = List.copyOf(clauses);
        }
    }

    private ConstraintFilter() {
    }

    public static Filter of(QuestionAnalysis analysis) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> clauses = new ArrayList<>();
        var c = analysis.constraints();
        c.price().ifPresent(p -> {
            Query range = DoublePoint.newRangeQuery(IndexSchema.PRICE, p.min(),
                    Double.isInfinite(p.max()) ? Double.MAX_VALUE : p.max());
            b.add(orGuide(range), BooleanClause.Occur.FILTER);
            clauses.add(String.format(Locale.ROOT, "price in [%.2f, %s]", p.min(),
                    Double.isInfinite(p.max()) ? "∞" : String.format(Locale.ROOT, "%.2f", p.max())));
        });
        c.age().ifPresent(a -> {
            b.add(orGuide(age(a)), BooleanClause.Occur.FILTER);
            clauses.add("age range overlaps " + a.min() + "-" + a.max() + " (or no age stated)");
        });
        if (!analysis.referencedProductIds().isEmpty()) {
            BooleanQuery.Builder ids = new BooleanQuery.Builder();
            for (String id : analysis.referencedProductIds()) {
                ids.add(new TermQuery(new Term(IndexSchema.PRODUCT_ID, id)), BooleanClause.Occur.SHOULD);
            }
            // The question is about these products; guides of their categories may still help.
            BooleanQuery.Builder guides = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.TYPE, IndexSchema.DocType.GUIDE.source())), BooleanClause.Occur.MUST);
            addCategories(guides, c.categories(), BooleanClause.Occur.FILTER);
            ids.add(guides.build(), BooleanClause.Occur.SHOULD);
            b.add(ids.build(), BooleanClause.Occur.FILTER);
            clauses.add("product in " + analysis.referencedProductIds());
        } else if (!c.categories().isEmpty()) {
            addCategories(b, c.categories(), BooleanClause.Occur.FILTER);
            clauses.add("category in " + c.categories());
        }
        if (clauses.isEmpty()) {
            return new Filter(Optional.empty(), clauses);
        }
        return new Filter(Optional.of(b.build()), clauses);
    }

    private static void addCategories(BooleanQuery.Builder b, List<String> categories, BooleanClause.Occur occur) {
        if (categories.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String cat : categories) {
            any.add(new TermQuery(new Term(IndexSchema.CATEGORY_KEY, cat.toLowerCase(Locale.ROOT))), BooleanClause.Occur.SHOULD);
        }
        b.add(any.build(), occur);
    }

    private static Query age(AgeRange a) {
        Query overlaps = new BooleanQuery.Builder()
                .add(IntPoint.newRangeQuery(IndexSchema.AGE_MIN, 0, a.max()), BooleanClause.Occur.FILTER)
                .add(IntPoint.newRangeQuery(IndexSchema.AGE_MAX, a.min(), Integer.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
        Query noAge = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.HAS_AGE, "yes")), BooleanClause.Occur.MUST_NOT)
                .build();
        return new BooleanQuery.Builder()
                .add(overlaps, BooleanClause.Occur.SHOULD)
                .add(noAge, BooleanClause.Occur.SHOULD)
                .build();
    }

    private static Query orGuide(Query q) {
        return new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(IndexSchema.TYPE, IndexSchema.DocType.GUIDE.source())), BooleanClause.Occur.SHOULD)
                .build();
    }
}
