package dev.firesight.app.window;

/**
 * One line of the hot methods or callers/callees tables: a method with its self and total weight and
 * the weight of everything shown, for percentages.
 */
public record MethodRow(int nameId, String name, long self, long total, long whole) {
    public double selfFraction() {
        return whole == 0 ? 0 : (double) self / whole;
    }

    public double totalFraction() {
        return whole == 0 ? 0 : (double) total / whole;
    }
}
