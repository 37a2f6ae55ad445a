package dev.aisle.app.workbench.inspector;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trace section laid out as a table: a list of records becomes one row per record with a column
 * per component; a single record becomes name/value rows; nested lists inside become further
 * tables. Rows may carry an evidence ref ("E3") so citations can point at them.
 */
public record SectionTable(String title, List<String> columns, List<List<String>> rows, int refColumn) {

    public SectionTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The row whose ref column equals {@code ref}, or -1. */
    public int rowOf(String ref) {
        if (refColumn < 0 || ref == null || ref.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (ref.equalsIgnoreCase(rows.get(i).get(refColumn))) {
                return i;
            }
        }
        return -1;
    }

    /** Lays out one section value as one or more tables (nested record lists become their own tables). */
    public static List<SectionTable> of(String name, Object value) {
        List<SectionTable> out = new ArrayList<>();
        layout(name, value, out);
        return out;
    }

    private static void layout(String name, Object value, List<SectionTable> out) {
        if (value instanceof Collection<?> list && !list.isEmpty() && list.iterator().next() instanceof Record first) {
            RecordComponent[] comps = first.getClass().getRecordComponents();
            List<String> columns = new ArrayList<>();
            for (RecordComponent c : comps) {
                columns.add(c.getName());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Object item : list) {
                List<String> row = new ArrayList<>();
                for (RecordComponent c : comps) {
                    row.add(item.getClass() == first.getClass() ? format(read(c, item)) : "");
                }
                rows.add(row);
            }
            out.add(new SectionTable(name, columns, rows, refColumnOf(columns)));
            return;
        }
        if (value instanceof Record r) {
            List<List<String>> rows = new ArrayList<>();
            List<Object[]> nested = new ArrayList<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = read(c, r);
                if (v instanceof Collection<?> list && !list.isEmpty() && list.iterator().next() instanceof Record) {
                    nested.add(new Object[] {name + " › " + c.getName(), v});
                } else if (v instanceof Record) {
                    nested.add(new Object[] {name + " › " + c.getName(), v});
                } else {
                    rows.add(List.of(c.getName(), format(v)));
                }
            }
            if (!rows.isEmpty()) {
                out.add(new SectionTable(name, List.of("field", "value"), rows, -1));
            }
            for (Object[] n : nested) {
                layout((String) n[0], n[1], out);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            List<List<String>> rows = new ArrayList<>();
            map.forEach((k, v) -> rows.add(List.of(String.valueOf(k), format(v))));
            out.add(new SectionTable(name, List.of("key", "value"), rows, -1));
            return;
        }
        out.add(new SectionTable(name, List.of("value"), List.of(List.of(format(value))), -1));
    }

    private static int refColumnOf(List<String> columns) {
        for (String preferred : List.of("ref", "evidenceRef", "citation", "label")) {
            int i = columns.indexOf(preferred);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Object read(RecordComponent c, Object target) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "<unreadable: " + e.getClass().getSimpleName() + ">";
        }
    }

    /** Short text for a cell: numbers rounded, collections of plain values joined. */
    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.1f" : "%.4f", d);
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) {
                parts.add(format(o));
            }
            return String.join(", ", parts);
        }
        if (v instanceof java.util.Optional<?> o) {
            return o.isPresent() ? format(o.get()) : "";
        }
        return String.valueOf(v);
    }
}
