package dev.aisle.evaluations.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the v1 answer markup (DESIGN.md) for scoring: which elements an answer used and whether
 * each is valid. This is not the streaming parser the renderer uses; it reads a finished answer
 * and is used when the system under test reports no parser counts of its own.
 */
public final class MarkupScan {

    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][A-Za-z0-9_-]*)((?:\\s+[A-Za-z_][A-Za-z0-9_-]*\\s*=\\s*\"[^\"<>]*\")*)\\s*(/?)>");
    private static final Pattern ATTR = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*\"([^\"<>]*)\"");
    /** A '<' that starts something tag-like: a letter or '/' follows. */
    private static final Pattern TAG_START = Pattern.compile("<[/A-Za-z]");
    private static final Pattern LINK_TARGET = Pattern.compile("(search|category|product):(.+)");

    private MarkupScan() {
    }

    /** The v1 elements only. */
    public static List<MarkupElement> scan(String text, Predicate<String> knownProduct, Predicate<String> knownRef) {
        return scan(text, knownProduct, knownRef, Set.of());
    }

    /**
     * @param knownProduct whether a product id is in the catalogue
     * @param knownRef     whether an evidence label (E1…) exists in this answer's evidence
     * @param productTags  plugin elements of the store, {@code <TAG id="ID"/>}, valid like a product card
     */
    public static List<MarkupElement> scan(String text, Predicate<String> knownProduct, Predicate<String> knownRef,
                                           Set<String> productTags) {
        List<MarkupElement> out = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        Matcher start = TAG_START.matcher(text);
        int pos = 0;
        List<Integer> openLinks = new ArrayList<>();
        while (start.find(pos)) {
            int at = start.start();
            if (m.find(at) && m.start() == at) {
                pos = m.end();
                boolean closing = !m.group(1).isEmpty();
                boolean selfClosing = !m.group(4).isEmpty();
                String name = m.group(2);
                Map<String, String> attrs = attrs(m.group(3));
                if (closing) {
                    if (name.equals("link") && !openLinks.isEmpty() && attrs.isEmpty()) {
                        openLinks.remove(openLinks.size() - 1);
                    } else {
                        out.add(new MarkupElement(name, List.of(), "", at, false));
                    }
                    continue;
                }
                MarkupElement e = productTags.contains(name) ? productElement(name, attrs, selfClosing, at, knownProduct)
                        : element(name, attrs, selfClosing, at, knownProduct, knownRef);
                if (name.equals("link") && !selfClosing) {
                    openLinks.add(out.size());
                }
                out.add(e);
            } else {
                pos = at + 1;
                out.add(new MarkupElement("malformed", List.of(), "", at, false));
            }
        }
        // A link never closed is malformed: it would swallow the rest of the answer.
        for (int i : openLinks) {
            MarkupElement e = out.get(i);
            out.set(i, new MarkupElement(e.name(), e.ids(), e.target(), e.offset(), false));
        }
        return out;
    }

    private static MarkupElement productElement(String name, Map<String, String> attrs, boolean selfClosing, int at,
                                                Predicate<String> knownProduct) {
        String id = attrs.getOrDefault("id", "");
        boolean ok = selfClosing && attrs.size() == 1 && !id.isBlank() && knownProduct.test(id);
        return new MarkupElement(name, id.isBlank() ? List.of() : List.of(id), "", at, ok);
    }

    private static MarkupElement element(String name, Map<String, String> attrs, boolean selfClosing, int at,
                                         Predicate<String> knownProduct, Predicate<String> knownRef) {
        switch (name) {
            case "product" -> {
                return productElement(name, attrs, selfClosing, at, knownProduct);
            }
            case "compare" -> {
                List<String> ids = Arrays.stream(attrs.getOrDefault("ids", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
                boolean ok = selfClosing && attrs.size() == 1 && ids.size() >= 2 && ids.stream().allMatch(knownProduct);
                return new MarkupElement(name, ids, "", at, ok);
            }
            case "cite" -> {
                String ref = attrs.getOrDefault("ref", "");
                boolean ok = selfClosing && attrs.size() == 1 && knownRef.test(ref);
                return new MarkupElement(name, ref.isBlank() ? List.of() : List.of(ref), "", at, ok);
            }
            case "link" -> {
                String to = attrs.getOrDefault("to", "");
                Matcher t = LINK_TARGET.matcher(to);
                boolean targetOk = t.matches() && !t.group(2).isBlank();
                List<String> ids = List.of();
                if (targetOk && t.group(1).equals("product")) {
                    ids = List.of(t.group(2));
                    targetOk = knownProduct.test(t.group(2));
                }
                return new MarkupElement(name, ids, to, at, !selfClosing && attrs.size() == 1 && targetOk);
            }
            default -> {
                return new MarkupElement(name, List.of(), "", at, false);
            }
        }
    }

    private static Map<String, String> attrs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTR.matcher(text);
        while (a.find()) {
            out.put(a.group(1), a.group(2));
        }
        return out;
    }

    /** The answer as a shopper reads it: tags removed, link text kept. */
    public static String plainText(String text) {
        return TAG.matcher(text).replaceAll(" ").replaceAll("[ \\t]+", " ").trim();
    }
}
