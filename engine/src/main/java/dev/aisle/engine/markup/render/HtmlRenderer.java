package dev.aisle.engine.markup.render;

import dev.aisle.engine.markup.ControlCharacters;

import java.util.List;
import java.util.Locale;

/**
 * Renders answers as self-contained HTML for evaluation reports. Every string from a node is
 * escaped; the only tags in the output are the ones written here, so a review quoting
 * {@code <script>} or a model copying {@code <a href="https://…">} shows as text. A plugin
 * element's own HTML passes through {@link PluginHtml}, which keeps only simple inline markup. Links carry their
 * in-store target as data and no {@code href}: a report never sends a reader anywhere.
 */
public final class HtmlRenderer {

    /** Styles for {@link #page}; a report that embeds fragments includes these once. */
    public static final String CSS = """
            .answer{white-space:pre-wrap;font:15px/1.5 system-ui,sans-serif;max-width:48rem}
            .card{display:block;white-space:normal;border:1px solid #ccc;border-radius:8px;padding:.5rem .8rem;margin:.4rem 0}
            .card .title{font-weight:600}.card .meta,.card .id{color:#666;font-size:90%}
            .card .price{font-weight:600}.card .was{text-decoration:line-through;color:#888;margin-left:.4rem}
            table.compare{border-collapse:collapse;white-space:normal;margin:.4rem 0}
            table.compare th,table.compare td{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
            .cite{color:#06c;font-size:80%;vertical-align:super}
            .store-link{text-decoration:underline;color:#06c}
            .pending,.fallback{color:#888;font-style:italic}
            """;

    /** A fragment: one {@code <div class="answer">}. */
    public String fragment(List<RenderNode> nodes) {
        StringBuilder sb = new StringBuilder("<div class=\"answer\">");
        for (RenderNode n : nodes) {
            sb.append(node(n));
        }
        return sb.append("</div>").toString();
    }

    /** A complete page with its own styles and nothing loaded from elsewhere. */
    public String page(String title, List<RenderNode> nodes) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<title>" + escape(title) + "</title><style>" + CSS + "</style></head><body>\n"
                + fragment(nodes) + "\n</body></html>\n";
    }

    public String node(RenderNode node) {
        if (node instanceof RenderNode.Text t) {
            return escape(t.text());
        } else if (node instanceof RenderNode.ProductCard c) {
            return card(c);
        } else if (node instanceof RenderNode.ComparisonTable t) {
            return table(t);
        } else if (node instanceof RenderNode.Citation c) {
            return "<span class=\"cite\" title=\"" + escape(c.source() + " " + c.productId() + ": " + c.snippet())
                    + "\">[" + escape(c.label()) + "]</span>";
        } else if (node instanceof RenderNode.Link l) {
            return "<a class=\"store-link\" data-target=\"" + escape(l.targetString()) + "\">"
                    + escape(l.text()) + "</a>";
        } else if (node instanceof RenderNode.PluginNode p) {
            return "<span class=\"plugin-element\" data-tag=\"" + escape(p.tag()) + "\">"
                    + PluginHtml.sanitize(p.html()) + "</span>";
        } else if (node instanceof RenderNode.Pending p) {
            return "<span class=\"pending\">loading " + escape(p.element().kind()) + "…</span>";
        } else if (node instanceof RenderNode.Fallback f) {
            return "<span class=\"fallback\" title=\"" + escape(f.reason()) + "\">"
                    + escape(f.label()) + " — details unavailable</span>";
        }
        throw new IllegalArgumentException("unknown render node " + node);
    }

    private String card(RenderNode.ProductCard c) {
        StringBuilder sb = new StringBuilder("<div class=\"card\" data-product=\"").append(escape(c.productId()))
                .append("\"><div class=\"title\">").append(escape(c.title())).append("</div>")
                .append("<div class=\"meta\">").append(escape(c.brand())).append(" · ").append(escape(c.category()))
                .append(" · ").append(String.format(Locale.ROOT, "%.1f★ (%d reviews)", c.rating(), c.reviewCount()))
                .append("</div><div><span class=\"price\">").append(money(c.price())).append("</span>");
        if (c.discounted()) {
            sb.append("<span class=\"was\">").append(money(c.listPrice())).append("</span>");
        }
        sb.append(" · ").append(escape(c.stock()));
        if (!c.delivery().isEmpty()) {
            sb.append(" · ").append(escape(c.delivery()));
        }
        sb.append("</div>");
        if (!c.keyAttributes().isEmpty()) {
            sb.append("<div class=\"meta\">");
            for (int k = 0; k < c.keyAttributes().size(); k++) {
                var a = c.keyAttributes().get(k);
                sb.append(k > 0 ? " · " : "").append(escape(a.name())).append(' ').append(escape(a.display()));
            }
            sb.append("</div>");
        }
        return sb.append("<div class=\"id\">").append(escape(c.productId())).append("</div></div>").toString();
    }

    private String table(RenderNode.ComparisonTable t) {
        StringBuilder sb = new StringBuilder("<table class=\"compare\"><tr><th></th>");
        for (String title : t.titles()) {
            sb.append("<th>").append(escape(title)).append("</th>");
        }
        sb.append("</tr>");
        for (RenderNode.Row r : t.rows()) {
            sb.append("<tr><th>").append(escape(r.attribute())).append("</th>");
            for (String v : r.values()) {
                sb.append("<td>").append(escape(v)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }

    /** Escapes text for element content and quoted attribute values alike. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c == '\n' || c == '\t' || !ControlCharacters.isControl(c)) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
