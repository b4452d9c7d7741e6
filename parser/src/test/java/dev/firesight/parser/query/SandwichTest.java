package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
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
 * The sandwich of a method of the JDK 17 workload recording, checked against {@link Butterfly} (the nearest
 * callers and callees) and the hot methods: both trees weigh the method's total, and the first level of each
 * is the butterfly's rows.
 */
class SandwichTest {
    @Test
    void callersAndCalleesWeighTheMethodsTotal() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        for (String method : List.of(Workload.frame("computeHashes"), Workload.frame("burnCpu"))) {
            ProfileQuery query = ProfileQuery.of(ViewKind.CPU);
            StackWeights weights = StackWeights.compute(profile, query, () -> false);
            HotMethods.Method hot = HotMethods.of(profile, weights).stream().filter(m -> m.name().equals(method))
                    .findFirst().orElseThrow();
            Butterfly butterfly = Butterfly.of(profile, weights, hot.nameId(), () -> false);

            Sandwich s = Sandwich.of(profile, query.withReverse(true), hot.nameId(), () -> false);
            assertEquals(method, s.method());
            assertEquals(hot.total(), s.total());
            assertEquals(hot.total(), s.callers().total(CallTree.ROOT), "callers weigh the method's total");
            assertEquals(hot.total(), s.callees().total(CallTree.ROOT), "callees weigh the method's total");
            assertEquals(neighbours(butterfly.callers()), firstLevel(s.callers()), method + " callers");
            assertEquals(neighbours(butterfly.callees()), firstLevel(s.callees()), method + " callees");
        }
        assertThrows(CancellationException.class, () -> Sandwich.of(profile, ProfileQuery.of(ViewKind.CPU), 0,
                () -> true));
    }

    @Test
    void aTimeRangeNarrowsBothHalvesToTheMethodsTotalInIt() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        dev.firesight.parser.SampleTable cpu = profile.samples(ViewKind.CPU);
        long[] times = new long[cpu.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = cpu.timeNanos(i);
        }
        java.util.Arrays.sort(times);
        ProfileQuery firstHalf = ProfileQuery.of(ViewKind.CPU).withRange(times[0], times[times.length / 2]);
        StackWeights weights = StackWeights.compute(profile, firstHalf, () -> false);
        HotMethods.Method hot = HotMethods.of(profile, weights).stream()
                .filter(m -> m.name().equals(Workload.frame("computeHashes"))).findFirst().orElseThrow();
        Sandwich s = Sandwich.of(profile, firstHalf, hot.nameId(), () -> false);
        assertEquals(hot.total(), s.total());
        assertEquals(Butterfly.of(profile, weights, hot.nameId(), () -> false).whole(), s.callers().total(CallTree.ROOT));
    }

    /** Butterfly rows by name, "(self)" / "(root)" as {@code ""}. */
    private static Map<String, Long> neighbours(List<HotMethods.Method> rows) {
        Map<String, Long> out = new HashMap<>();
        rows.forEach(r -> out.put(r.nameId() == Butterfly.NONE ? "" : r.name(), r.total()));
        return out;
    }

    /** The method's children by name and its self as {@code ""}. */
    private static Map<String, Long> firstLevel(CallTree tree) {
        int method = tree.firstChild(CallTree.ROOT);
        assertEquals(CallTree.NONE, tree.nextSibling(method), "the method is the one root frame");
        Map<String, Long> out = new HashMap<>();
        if (tree.self(method) != 0) {
            out.put("", tree.self(method));
        }
        for (int c = tree.firstChild(method); c != CallTree.NONE; c = tree.nextSibling(c)) {
            out.put(tree.name(c), tree.total(c));
        }
        return out;
    }
}
