package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.DeepRecursionWorkload;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers and callees of a method of the JDK 17 workload recording, checked against the collapsed stacks
 * (frame names, not ids): each row's weight is the weight of the stacks entering the method from that
 * caller (below its outermost frame) or leaving it to that callee (above its innermost frame), and the whole
 * is the method's total in the hot methods. Under recursion the rows still add up to the whole.
 */
class ButterflyTest {
    @Test
    void callersAndCalleesOfComputeHashesMatchTheCollapsedStacks() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        ProfileQuery query = ProfileQuery.of(ViewKind.CPU);
        StackWeights weights = StackWeights.compute(profile, query, () -> false);
        // Not hashBlock: once C2 inlines it, some runs attribute none of its samples to it.
        String method = Workload.frame("computeHashes");
        HotMethods.Method hot = HotMethods.of(profile, weights).stream().filter(m -> m.name().equals(method))
                .findFirst().orElseThrow();

        Butterfly b = Butterfly.of(profile, weights, hot.nameId(), () -> false);
        assertEquals(hot.total(), b.whole(), "the whole is the method's total");
        Map<String, Long>[] expected = neighbours(Collapsed.toMap(CallTreeBuilder.build(profile, query)), method);
        assertEquals(expected[0], byName(b.callers()));
        assertEquals(expected[1], byName(b.callees()));
        assertEquals(Workload.frame("burnCpu"), b.callers().get(0).name(), "burnCpu calls it most");
        assertTrue(b.callers().get(0).total() <= b.whole());
        assertThrows(CancellationException.class, () -> Butterfly.of(profile, weights, hot.nameId(), () -> true));
    }

    @Test
    void underRecursionCallersAndCalleesAddUpToTheWhole() throws Exception {
        Profile profile = Recordings.open(TestRecordings.deepRecursion());
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(ViewKind.CPU), () -> false);
        String method = DeepRecursionWorkload.class.getName() + ".descend";
        HotMethods.Method hot = HotMethods.of(profile, weights).stream().filter(m -> m.name().equals(method))
                .findFirst().orElseThrow();
        Butterfly b = Butterfly.of(profile, weights, hot.nameId(), () -> false);
        assertEquals(hot.total(), b.whole());
        assertEquals(b.whole(), b.callers().stream().mapToLong(HotMethods.Method::total).sum(), "callers: 100%");
        assertEquals(b.whole(), b.callees().stream().mapToLong(HotMethods.Method::total).sum(), "callees: 100%");
        assertTrue(b.callers().stream().noneMatch(r -> r.name().equals(method)), "not its own caller: " + b.callers());
        assertEquals(DeepRecursionWorkload.class.getName() + ".burn", b.callees().get(0).name(),
                "its work goes to burn, at the bottom of the recursion");
    }

    private static Map<String, Long> byName(List<HotMethods.Method> rows) {
        Map<String, Long> out = new HashMap<>();
        rows.forEach(r -> out.put(r.name(), r.total()));
        return out;
    }

    /**
     * Callers (index 0) and callees (index 1) of {@code method} by name: the frame below its outermost and
     * the frame above its innermost occurrence, so each stack counts once on each side.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Long>[] neighbours(Map<String, Long> collapsed, String method) {
        Map<String, Long> callers = new HashMap<>();
        Map<String, Long> callees = new HashMap<>();
        collapsed.forEach((stack, weight) -> {
            String[] frames = stack.split(";");
            int first = java.util.Arrays.asList(frames).indexOf(method);
            int last = java.util.Arrays.asList(frames).lastIndexOf(method);
            if (first >= 0) {
                callers.merge(first == 0 ? "(root)" : frames[first - 1], weight, Long::sum);
                callees.merge(last == frames.length - 1 ? "(self)" : frames[last + 1], weight, Long::sum);
            }
        });
        return new Map[] {callers, callees};
    }
}
