package dev.aisle.datasets.imports;

import dev.aisle.datasets.catalog.Product;
import dev.aisle.datasets.judgments.JudgedQuery;
import dev.aisle.datasets.qa.QaThread;
import dev.aisle.datasets.reviews.Review;

import java.util.ArrayList;
import java.util.List;

/** What one import run read, before it is merged into the corpus. */
public final class ImportBatch {

    final List<Product> products = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    final List<QaThread> questions = new ArrayList<>();
    final List<JudgedQuery> judgedQueries = new ArrayList<>();
    long linesRead;

    public void add(Product p) {
        products.add(p);
    }

    public void add(Review r) {
        reviews.add(r);
    }

    public void add(QaThread q) {
        questions.add(q);
    }

    public void add(JudgedQuery q) {
        judgedQueries.add(q);
    }

    void countLine() {
        linesRead++;
    }
}
