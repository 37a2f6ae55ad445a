package dev.aisle.engine.rag.index;

import java.util.Map;

/** Field names, document types, per-field boosts and the schema version of the retrieval index. */
public final class IndexSchema {

    /** Bump when fields or embedded texts change, so existing indexes are rebuilt. */
    public static final String VERSION = "rag-4";

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String PRODUCT_ID = "product_id";
    public static final String TITLE = "title";
    public static final String BRAND = "brand";
    public static final String CATEGORY = "category";
    public static final String ATTRIBUTES = "attributes";
    public static final String BULLETS = "bullets";
    public static final String TEXT = "text";
    /** The document as evidence text, stored only. */
    public static final String BODY = "body";
    public static final String PRICE = "price";
    public static final String AGE_MIN = "age_min";
    public static final String AGE_MAX = "age_max";
    /** "yes" when the product states an age range. */
    public static final String HAS_AGE = "has_age";
    /** Every element of the category path, lower case, as exact terms. */
    public static final String CATEGORY_KEY = "category_key";
    public static final String BRAND_KEY = "brand_key";
    public static final String VECTOR = "vector";

    /** Commit user-data keys. */
    public static final String USER_CORPUS_HASH = "aisle.corpus_hash";
    public static final String USER_SCHEMA = "aisle.schema";
    public static final String USER_DOCS = "aisle.docs";
    public static final String USER_EMBEDDED = "aisle.embedded";

    /** Per-field BM25 boosts: a word in the title says more about the document than one in a review's text. */
    public static final Map<String, Float> BOOSTS = Map.of(
            TITLE, 3.0f, BRAND, 2.0f, CATEGORY, 2.5f, ATTRIBUTES, 1.5f, BULLETS, 1.2f, TEXT, 1.0f);

    private IndexSchema() {
    }

    /** The kinds of document in the index, with the source name used in evidence lines. */
    public enum DocType {
        PRODUCT("product"), REVIEW("review"), QA("qa"), GUIDE("guide");

        private final String source;

        DocType(String source) {
            this.source = source;
        }

        public String source() {
            return source;
        }

        public static DocType fromSource(String s) {
            for (DocType t : values()) {
                if (t.source.equals(s)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown document type '" + s + "'");
        }
    }
}
