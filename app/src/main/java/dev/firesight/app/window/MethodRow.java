package dev.firesight.app.window;

import dev.firesight.parser.query.HotMethods;

/**
 * One line of the hot methods or callers/callees tables: a method with its self and total weight and
 * the weight of everything shown, for percentages; {@code label} is how the table names it (see
 * {@link dev.firesight.app.format.MethodNames#unique}), {@code name} its full name.
 */
public record MethodRow(int nameId, String name, String label, long self, long total, long whole) {
    /** A method's weights from a query, against {@code whole}, shown as {@code label}. */
    public static MethodRow of(HotMethods.Method m, long whole, String label) {
        return new MethodRow(m.nameId(), m.name(), label, m.self(), m.total(), whole);
    }

    public double selfFraction() {
        return whole == 0 ? 0 : (double) self / whole;
    }

    public double totalFraction() {
        return whole == 0 ? 0 : (double) total / whole;
    }
}
