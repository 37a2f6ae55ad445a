package dev.aisle.engine.markup.render;

import dev.aisle.engine.markup.ControlCharacters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders answers for a terminal: product cards as boxed lines, comparison tables with aligned
 * columns, citations as {@code [E3]}, links as underlined text followed by their target, plugin
 * elements as the text their plugin rendered. With
 * {@code ansi} off the output is plain text (for pipes and tests); either way control characters
 * from the model or the evidence are dropped, so no text can move the cursor or recolour the screen.
 */
public final class TerminalRenderer {

    private static final String UNDERLINE = "\u001b[4m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String CYAN = "\u001b[36m";
    private static final String RESET = "\u001b[0m";
    private static final int MAX_CELL = 28;

    private final boolean ansi;
    private final int width;

    /** @param width the widest a card or table may be, in characters (at least 30) */
    public TerminalRenderer(boolean ansi, int width) {
        if (width < 30) {
            throw new IllegalArgumentException("terminal width must be >= 30, got " + width);
        }
        this.ansi = ansi;
        this.width = width;
    }

    public static TerminalRenderer plain() {
        return new TerminalRenderer(false, 72);
    }

    /** A whole answer. */
    public String render(List<RenderNode> nodes) {
        StringBuilder out = new StringBuilder();
        for (RenderNode n : nodes) {
            out.append(render(n, out.length() == 0 || out.charAt(out.length() - 1) == '\n'));
        }
        return out.toString();
    }

    /**
     * One node, for streaming; {@code atLineStart} says whether the output so far ends a line, so
     * that a card or table starts on a line of its own.
     */
    public String render(RenderNode node, boolean atLineStart) {
        if (node instanceof RenderNode.Text t) {
            return ControlCharacters.strip(t.text());
        } else if (node instanceof RenderNode.ProductCard c) {
            return block(card(c), atLineStart);
        } else if (node instanceof RenderNode.ComparisonTable t) {
            return block(table(t), atLineStart);
        } else if (node instanceof RenderNode.Citation c) {
            return style(CYAN, "[" + clean(c.label()) + "]");
        } else if (node instanceof RenderNode.Link l) {
            return style(UNDERLINE, clean(l.text())) + style(DIM, " (" + clean(l.targetString()) + ")");
        } else if (node instanceof RenderNode.PluginNode p) {
            return clean(p.text()); // the plugin wrote it from store data; shown inline, on one line
        } else if (node instanceof RenderNode.Pending p) {
            return style(DIM, "[loading " + clean(p.element().kind()) + "…]");
        } else if (node instanceof RenderNode.Fallback f) {
            return style(DIM, "[" + clean(f.label()) + " — details unavailable]");
        }
        throw new IllegalArgumentException("unknown render node " + node);
    }

    private String block(List<String> lines, boolean atLineStart) {
        StringBuilder sb = new StringBuilder();
        if (!atLineStart) {
            sb.append('\n');
        }
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private List<String> card(RenderNode.ProductCard c) {
        List<String> body = new ArrayList<>();
        body.add(bold(c.title()));
        body.add(clean(c.brand()) + " · " + clean(c.category()) + " · "
                + String.format(Locale.ROOT, "%.1f★ (%d reviews)", c.rating(), c.reviewCount()));
        String price = money(c.price()) + (c.discounted() ? " (was " + money(c.listPrice()) + ")" : "");
        String availability = clean(c.stock()) + (c.delivery().isEmpty() ? "" : " · " + clean(c.delivery()));
        body.add(price + " · " + availability);
        if (!c.keyAttributes().isEmpty()) {
            body.add(c.keyAttributes().stream().map(a -> clean(a.name()) + " " + clean(a.display()))
                    .collect(Collectors.joining(" · ")));
        }
        body.add(style(DIM, clean(c.productId())));
        int inner = width - 4;
        List<String> lines = new ArrayList<>();
        lines.add("┌" + "─".repeat(inner + 2) + "┐");
        for (String b : body) {
            lines.add("│ " + pad(fit(b, inner), inner) + " │");
        }
        lines.add("└" + "─".repeat(inner + 2) + "┘");
        return lines;
    }

    private List<String> table(RenderNode.ComparisonTable t) {
        List<List<String>> grid = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        t.titles().forEach(title -> header.add(clean(title)));
        grid.add(header);
        for (RenderNode.Row r : t.rows()) {
            List<String> row = new ArrayList<>();
            row.add(clean(r.attribute()));
            r.values().forEach(v -> row.add(clean(v)));
            grid.add(row);
        }
        int columns = header.size();
        int cell = Math.max(6, Math.min(MAX_CELL, (width - 3 * (columns - 1)) / columns));
        int[] widths = new int[columns];
        for (List<String> row : grid) {
            for (int k = 0; k < columns; k++) {
                widths[k] = Math.max(widths[k], Math.min(cell, visibleLength(row.get(k))));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < columns; k++) {
                if (k > 0) {
                    line.append(" │ ");
                }
                line.append(pad(fit(row.get(k), widths[k]), widths[k]));
            }
            lines.add(r == 0 ? style(BOLD, line.toString().stripTrailing()) : line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int k = 0; k < columns; k++) {
                    rule.append(k > 0 ? "─┼─" : "").append("─".repeat(widths[k]));
                }
                lines.add(rule.toString());
            }
        }
        return lines;
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }

    private String bold(String s) {
        return style(BOLD, clean(s));
    }

    private String style(String code, String s) {
        return ansi ? code + s + RESET : s;
    }

    /** Untrusted text on one line: no controls, no line breaks that would break a box. */
    private static String clean(String s) {
        return ControlCharacters.strip(s).replace('\n', ' ').replace('\t', ' ');
    }

    /** Cuts to {@code max} visible characters, keeping ANSI codes whole and closing them. */
    private String fit(String s, int max) {
        if (visibleLength(s) <= max) {
            return s;
        }
        String plain = ansi ? s.replaceAll("\u001b\\[[0-9;]*m", "") : s;
        String cut = plain.substring(0, Math.max(0, max - 1)) + "…";
        return s.startsWith("\u001b[") ? style(s.substring(0, s.indexOf('m') + 1), cut) : cut;
    }

    private static String pad(String s, int w) {
        int n = w - visibleLength(s);
        return n > 0 ? s + " ".repeat(n) : s;
    }

    private static int visibleLength(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }
}
