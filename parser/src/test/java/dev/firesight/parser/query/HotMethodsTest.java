package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In an allocation view, hot methods by allocating method list methods only, each with the weight it
 * allocates itself; by allocated class, classes only. Both agree with {@link AllocationSites}, which the
 * memory panels use, on the JDK 17 workload recording.
 */
class HotMethodsTest {
    @Test
    void allocationViewsSplitIntoAllocatingMethodsAndAllocatedClasses() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(ViewKind.ALLOC), () -> false);
        AllocationSites sites = AllocationSites.of(profile);

        List<HotMethods.Method> methods = HotMethods.of(profile, weights, AllocationSites.By.METHOD);
        List<HotMethods.Method> classes = HotMethods.of(profile, weights, AllocationSites.By.CLASS);
        assertFalse(methods.isEmpty());
        assertFalse(classes.isEmpty());
        assertEquals(expected(profile, weights, sites, AllocationSites.By.METHOD), selfByName(methods),
                "a method's self is what it allocates as the allocation site");
        assertEquals(expected(profile, weights, sites, AllocationSites.By.CLASS), selfByName(classes));
        for (HotMethods.Method c : classes) {
            assertEquals(c.self(), c.total(), "a class is only ever the leaf: " + c.name());
        }
        java.util.Set<String> classNames = new java.util.HashSet<>();
        classes.forEach(c -> classNames.add(c.name()));
        assertTrue(methods.stream().noneMatch(m -> classNames.contains(m.name())), "no class among the methods");
        // without a grouping, classes take the self weight (what the issue reported as the method column
        // listing classes)
        List<HotMethods.Method> plain = HotMethods.of(profile, weights);
        HotMethods.Method topBySelf = HotMethods.topBySelf(plain, 1).get(0);
        assertTrue(classNames.contains(topBySelf.name()), topBySelf.name());
        assertEquals(FrameKind.CLASS, kindOf(profile, topBySelf.nameId()));
    }

    private static FrameKind kindOf(Profile profile, int nameId) {
        for (int f = 0; f < profile.frames().size(); f++) {
            if (profile.frames().nameId(f) == nameId) {
                return profile.frames().kind(f);
            }
        }
        return null;
    }

    private static Map<String, Long> expected(Profile profile, StackWeights weights, AllocationSites sites,
                                              AllocationSites.By by) {
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            int key = sites.key(weights.stack(i), by);
            if (key != AllocationSites.NONE) {
                out.merge(profile.frames().nameOf(key), weights.weight(i), Long::sum);
            }
        }
        return out;
    }

    private static Map<String, Long> selfByName(List<HotMethods.Method> rows) {
        Map<String, Long> out = new HashMap<>();
        rows.stream().filter(r -> r.self() != 0).forEach(r -> out.put(r.name(), r.self()));
        return out;
    }

    /**
     * Totals from the prefix tree equal the definition, stack by stack: each stack's weight once for every name
     * on it, recursion or not; self on the leaf. Every view of three recordings, one of them async-profiler's
     * deep stacks.
     */
    @Test
    void totalsCountEachStackOncePerNameOnIt() throws Exception {
        for (java.nio.file.Path file : new java.nio.file.Path[] {TestRecordings.jdk17(),
            java.nio.file.Path.of(getClass().getResource("/public/v2.0-ap3.0-fa937db-cpu-alloc.jfr.gz").toURI()),
            java.nio.file.Path.of(getClass().getResource("/public/v2.1-jdk21.jfr").toURI())}) {
            Profile profile = Recordings.open(file);
            for (ViewKind view : profile.views()) {
                StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(view), () -> false);
                Map<Integer, Long> total = new HashMap<>();
                Map<Integer, Long> self = new HashMap<>();
                for (int i = 0; i < weights.size(); i++) {
                    int[] frames = profile.stacks().frames(weights.stack(i));
                    java.util.Set<Integer> names = new java.util.HashSet<>();
                    for (int f : frames) {
                        names.add(profile.frames().nameId(f));
                    }
                    for (int name : names) {
                        total.merge(name, weights.weight(i), Long::sum);
                    }
                    if (frames.length > 0) {
                        self.merge(profile.frames().nameId(frames[frames.length - 1]), weights.weight(i), Long::sum);
                    }
                }
                List<HotMethods.Method> methods = HotMethods.of(profile, weights);
                assertEquals(total.size(), methods.size(), file + " " + view);
                for (HotMethods.Method m : methods) {
                    assertEquals(total.get(m.nameId()), m.total(), file + " " + view + " " + m.name());
                    assertEquals(self.getOrDefault(m.nameId(), 0L), m.self(), file + " " + view + " " + m.name());
                }
            }
        }
    }
}
