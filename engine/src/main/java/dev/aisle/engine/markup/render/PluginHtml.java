package dev.aisle.engine.markup.render;

import dev.aisle.engine.markup.ControlCharacters;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the simple inline markup of a plugin's HTML and shows everything else as text. A plugin
 * is meant to escape what it writes, but it composes catalogue text and may get it wrong: here
 * only a few formatting tags with {@code class}, {@code title} and {@code data-*} attributes
 * survive, tags are balanced, and any other {@code <} is escaped, so a plugin can never put a
 * script, a link or an image into a report.
 */
public final class PluginHtml {

    private static final Set<String> TAGS = Set.of("span", "strong", "em", "b", "i", "ins", "del", "small", "br");
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([a-z]+)((?:[ \\t]+[a-z][a-z0-9-]*=\"[^\"<>]*\")*)[ \\t]*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("[ \\t]+([a-z][a-z0-9-]*)=\"([^\"<>]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private PluginHtml() {
    }

    /** {@code html} reduced to allowed inline markup, every other character escaped. */
    public static String sanitize(String html) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        int k = 0;
        while (k < html.length()) {
            char c = html.charAt(k);
            if (c == '<' && tag.region(k, html.length()).lookingAt() && allowed(tag)) {
                String name = tag.group(2);
                if (tag.group(1).isEmpty()) {
                    out.append('<').append(name).append(attributes(tag.group(3))).append('>');
                    if (!name.equals("br")) {
                        open.push(name);
                    }
                } else if (name.equals(open.peek())) {
                    out.append("</").append(open.pop()).append('>');
                } // an unmatched closing tag is dropped
                k = tag.end();
                continue;
            }
            k = text(html, k, out);
        }
        while (!open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
        }
        return out.toString();
    }

    private static boolean allowed(Matcher tag) {
        String name = tag.group(2);
        boolean closing = !tag.group(1).isEmpty();
        if (!TAGS.contains(name) || closing && (!tag.group(3).isEmpty() || !tag.group(4).isEmpty())) {
            return false;
        }
        Matcher a = ATTRIBUTE.matcher(tag.group(3));
        while (a.find()) {
            String attr = a.group(1);
            if (!attr.equals("class") && !attr.equals("title") && !attr.startsWith("data-")) {
                return false;
            }
        }
        return true;
    }

    private static String attributes(String raw) {
        StringBuilder sb = new StringBuilder();
        Matcher a = ATTRIBUTE.matcher(raw);
        while (a.find()) {
            sb.append(' ').append(a.group(1)).append("=\"");
            String v = a.group(2);
            for (int k = 0; k < v.length(); ) {
                k = text(v, k, sb);
            }
            sb.append('"');
        }
        return sb.toString();
    }

    /** Appends the character at {@code k} escaped (an entity the plugin already wrote is kept); returns the next index. */
    private static int text(String s, int k, StringBuilder out) {
        char c = s.charAt(k);
        switch (c) {
            case '&' -> {
                Matcher e = ENTITY.matcher(s).region(k, s.length());
                if (e.lookingAt()) {
                    out.append(e.group());
                    return e.end();
                }
                out.append("&amp;");
            }
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> {
                if (c == '\n' || c == '\t' || !ControlCharacters.isControl(c)) {
                    out.append(c);
                }
            }
        }
        return k + 1;
    }
}
