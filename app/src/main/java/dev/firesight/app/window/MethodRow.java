package dev.firesight.app.window;

import dev.firesight.parser.query.HotMethods;

/**
 * One line of the hot methods or callers/callees tables: a method with its self and total weight and
 * the weight of everything shown, for percentages.
 */
public record MethodRow(int nameId, String name, long self, long total, long whole) {
    /** A method's weights from a query, against {@code whole}. */
    public static MethodRow of(HotMethods.Method m, long whole) {
        return new MethodRow(m.nameId(), m.name(), m.self(), m.total(), whole);
    }

    public double selfFraction() {
        return whole == 0 ? 0 : (double) self / whole;
    }

    public double totalFraction() {
        return whole == 0 ? 0 : (double) total / whole;
    }
}
