package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers and callees of a method of the JDK 17 workload recording, checked against the collapsed stacks
 * (frame names, not ids): each row's weight is the weight of the stacks through that caller or callee,
 * counted once per stack, and the whole is the method's total in the hot methods.
 */
class ButterflyTest {
    @Test
    void callersAndCalleesOfHashBlockMatchTheCollapsedStacks() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        ProfileQuery query = ProfileQuery.of(ViewKind.CPU);
        StackWeights weights = StackWeights.compute(profile, query, () -> false);
        String method = Workload.frame("hashBlock");
        HotMethods.Method hot = HotMethods.of(profile, weights).stream().filter(m -> m.name().equals(method))
                .findFirst().orElseThrow();

        Butterfly b = Butterfly.of(profile, weights, hot.nameId(), () -> false);
        assertEquals(hot.total(), b.whole(), "the whole is the method's total");
        Map<String, Long>[] expected = neighbours(Collapsed.toMap(CallTreeBuilder.build(profile, query)), method);
        assertEquals(expected[0], byName(b.callers()));
        assertEquals(expected[1], byName(b.callees()));
        assertEquals(Workload.frame("computeHashes"), b.callers().get(0).name(), "computeHashes calls it most");
        assertTrue(b.callers().get(0).total() <= b.whole());
        assertThrows(CancellationException.class, () -> Butterfly.of(profile, weights, hot.nameId(), () -> true));
    }

    private static Map<String, Long> byName(List<HotMethods.Method> rows) {
        Map<String, Long> out = new HashMap<>();
        rows.forEach(r -> out.put(r.name(), r.total()));
        return out;
    }

    /** Callers (index 0) and callees (index 1) of {@code method} by name, each stack counted once per name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long>[] neighbours(Map<String, Long> collapsed, String method) {
        Map<String, Long> callers = new HashMap<>();
        Map<String, Long> callees = new HashMap<>();
        collapsed.forEach((stack, weight) -> {
            String[] frames = stack.split(";");
            Set<String> up = new HashSet<>();
            Set<String> down = new HashSet<>();
            for (int d = 0; d < frames.length; d++) {
                if (frames[d].equals(method)) {
                    up.add(d == 0 ? "(root)" : frames[d - 1]);
                    down.add(d == frames.length - 1 ? "(self)" : frames[d + 1]);
                }
            }
            up.forEach(n -> callers.merge(n, weight, Long::sum));
            down.forEach(n -> callees.merge(n, weight, Long::sum));
        });
        return new Map[] {callers, callees};
    }
}
