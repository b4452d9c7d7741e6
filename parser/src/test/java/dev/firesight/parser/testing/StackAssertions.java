package dev.firesight.parser.testing;

import java.util.Map;
import java.util.TreeMap;

/** Assertions on collapsed stacks (stack → weight) that say which stacks differ, not just that they do. */
public final class StackAssertions {
    private StackAssertions() {
    }

    /** Fails, listing the first differing stacks and both totals, unless the two maps are equal. */
    public static void assertSameStacks(String what, Map<String, Long> expected, Map<String, Long> actual) {
        if (expected.equals(actual)) {
            return;
        }
        Map<String, String> diff = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                diff.put(k, v + " expected, " + actual.get(k) + " read");
            }
        });
        actual.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                diff.put(k, "not expected, " + v + " read");
            }
        });
        StringBuilder sb = new StringBuilder(what + ": " + diff.size() + " stacks differ (expected total "
                + sum(expected) + ", read " + sum(actual) + ")");
        diff.entrySet().stream().limit(5).forEach(e -> sb.append("\n  ").append(e));
        throw new AssertionError(sb.toString());
    }

    private static long sum(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }
}
