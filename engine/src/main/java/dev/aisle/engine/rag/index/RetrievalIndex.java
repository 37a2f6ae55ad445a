package dev.aisle.engine.rag.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** An opened, read-only retrieval index. Thread-safe; close once on shutdown. */
public final class RetrievalIndex implements Closeable {

    /** The stored part of a document: what evidence and traces show. */
    public record StoredDoc(String id, IndexSchema.DocType type, String productId, String title, String body,
                            double price) {
    }

    private static final Set<String> STORED = Set.of(IndexSchema.ID, IndexSchema.TYPE, IndexSchema.PRODUCT_ID,
            IndexSchema.TITLE, IndexSchema.BODY, IndexSchema.PRICE);

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, String> userData;
    /** Per document (global id): its product's ordinal in {@link #productIds}, or -1 (guides). */
    private final int[] productOf;
    private final String[] productIds;
    private final IndexSchema.DocType[] typeOf;
    /**
     * Per product ordinal: its shelf, the category key of its page with the fewest documents. Read on
     * first use: only shelf consensus needs it, and that is off by default, so opening the index (a
     * start-up step) does not pay for it.
     */
    private String[] leafOf;

    private RetrievalIndex(Directory directory, DirectoryReader reader) throws IOException {
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.userData = Map.copyOf(reader.getIndexCommit().getUserData());
        // Walking the postings of two small fields is much cheaper than reading stored fields per hit,
        // and lets ranking roll hundreds of candidates up to products without touching stored data.
        this.productOf = new int[reader.maxDoc()];
        this.typeOf = new IndexSchema.DocType[reader.maxDoc()];
        java.util.Arrays.fill(productOf, -1);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms terms = leaf.reader().terms(IndexSchema.PRODUCT_ID);
            if (terms != null) {
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                org.apache.lucene.index.PostingsEnum pe = null;
                for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
                    String id = t.utf8ToString();
                    if (id.isEmpty()) {
                        continue;
                    }
                    int ordinal = ordinalOf(id, ids);
                    pe = te.postings(pe, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int d = pe.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        productOf[leaf.docBase + d] = ordinal;
                    }
                }
            }
            org.apache.lucene.index.Terms types = leaf.reader().terms(IndexSchema.TYPE);
            if (types != null) {
                org.apache.lucene.index.TermsEnum te = types.iterator();
                org.apache.lucene.index.PostingsEnum pe = null;
                for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
                    IndexSchema.DocType type = IndexSchema.DocType.fromSource(t.utf8ToString());
                    pe = te.postings(pe, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int d = pe.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        typeOf[leaf.docBase + d] = type;
                    }
                }
            }
        }
        this.productIds = ids.toArray(new String[0]);
    }

    /**
     * Each product's leaf category: of the category keys on its page (department, aisle, leaf) the
     * one with the fewest documents. Read from postings once, so ranking can group products by shelf.
     */
    private String[] leaves() throws IOException {
        String[] leaf = new String[productIds.length];
        int[] leafDocs = new int[productIds.length];
        java.util.Arrays.fill(leafDocs, Integer.MAX_VALUE);
        for (org.apache.lucene.index.LeafReaderContext ctx : reader.leaves()) {
            org.apache.lucene.index.Terms terms = ctx.reader().terms(IndexSchema.CATEGORY_KEY);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            org.apache.lucene.index.PostingsEnum pe = null;
            for (org.apache.lucene.util.BytesRef t = te.next(); t != null; t = te.next()) {
                String category = t.utf8ToString();
                int docs = reader.docFreq(new org.apache.lucene.index.Term(IndexSchema.CATEGORY_KEY, t));
                pe = te.postings(pe, org.apache.lucene.index.PostingsEnum.NONE);
                for (int d = pe.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    int doc = ctx.docBase + d;
                    int o = productOf[doc];
                    if (o >= 0 && typeOf[doc] == IndexSchema.DocType.PRODUCT && docs < leafDocs[o]) {
                        leafDocs[o] = docs;
                        leaf[o] = category;
                    }
                }
            }
        }
        return leaf;
    }

    /**
     * The shelf of a product: its most specific category key (lower case), or "" when the index has no
     * page for it. Where a parent category holds a single leaf (Cookware: Nonstick Frying Pans) the two
     * keys cover the same products and either may be returned; the grouping is the same.
     */
    public String shelfOfProduct(String productId) {
        Integer o = ordinals.get(productId);
        String[] shelves = shelves();
        return o == null || shelves[o] == null ? "" : shelves[o];
    }

    private synchronized String[] shelves() {
        if (leafOf == null) {
            try {
                leafOf = leaves();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the product shelves of the retrieval index", e);
            }
        }
        return leafOf;
    }

    private final Map<String, Integer> ordinals = new java.util.HashMap<>();

    private int ordinalOf(String id, java.util.List<String> ids) {
        return ordinals.computeIfAbsent(id, k -> {
            ids.add(k);
            return ids.size() - 1;
        });
    }

    /** The product a document is about, or "" for guides; no stored-field access. */
    public String productOf(int doc) {
        int o = productOf[doc];
        return o < 0 ? "" : productIds[o];
    }

    public IndexSchema.DocType typeOf(int doc) {
        return typeOf[doc];
    }

    public static RetrievalIndex open(Path dir) {
        try {
            Directory d = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(d)) {
                d.close();
                throw new IllegalStateException("no retrieval index in " + dir + "; run ./aisle index first");
            }
            return new RetrievalIndex(d, DirectoryReader.open(d));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the retrieval index in " + dir, e);
        }
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public int documents() {
        return reader.numDocs();
    }

    /** The key the index was built for (corpus hash, schema, embedding policy). */
    public String indexKey() {
        return userData.getOrDefault(IndexSchema.USER_CORPUS_HASH, "");
    }

    public StoredDoc stored(int doc) {
        try {
            Document d = searcher.storedFields().document(doc, STORED);
            IndexableField price = d.getField(IndexSchema.PRICE);
            return new StoredDoc(d.get(IndexSchema.ID), IndexSchema.DocType.fromSource(d.get(IndexSchema.TYPE)),
                    d.get(IndexSchema.PRODUCT_ID), d.get(IndexSchema.TITLE), d.get(IndexSchema.BODY),
                    price == null ? Double.NaN : price.numericValue().doubleValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored fields of document " + doc, e);
        }
    }

    /** The stored document with this id ("product:B0…"), if the index has it. */
    public java.util.Optional<StoredDoc> find(String docId) {
        try {
            org.apache.lucene.search.TopDocs top = searcher.search(
                    new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.ID, docId)), 1);
            return top.scoreDocs.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(stored(top.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up " + docId, e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the retrieval index", e);
        }
    }
}
