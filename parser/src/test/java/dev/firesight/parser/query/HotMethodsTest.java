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

    /**
     * Hot methods are summed per prefix node, with a method's outermost nodes adding their subtrees. They
     * must equal the definition: per stack, every distinct name on it (of the kind asked for) gains the
     * stack's weight once, and the self weight goes to the leaf (or, by allocating method, the leaf-most
     * method). Checked on every view of recordings with deep recursion, many stacks and allocation classes.
     */
    @Test
    void totalsCountEachMethodOncePerStackAsTheDefinitionSays() throws Exception {
        for (java.nio.file.Path file : List.of(TestRecordings.deepRecursion(), TestRecordings.asyncProfiler(),
                TestRecordings.jdk17())) {
            Profile profile = Recordings.open(file);
            for (ViewKind view : profile.views()) {
                StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(view), () -> false);
                for (AllocationSites.By by : new AllocationSites.By[] {null, AllocationSites.By.METHOD, AllocationSites.By.CLASS}) {
                    List<HotMethods.Method> methods = HotMethods.of(profile, weights, by);
                    assertEquals(byDefinition(profile, weights, by), asMap(methods), file.getFileName() + " " + view + " " + by);
                }
            }
        }
    }

    private static Map<String, List<Long>> byDefinition(Profile profile, StackWeights weights, AllocationSites.By by) {
        Map<String, long[]> sums = new HashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            int[] frames = profile.stacks().frames(weights.stack(i));
            long w = weights.weight(i);
            java.util.Set<String> counted = new java.util.HashSet<>();
            int site = -1;
            for (int d = frames.length - 1; d >= 0; d--) {
                boolean isClass = profile.frames().kind(frames[d]) == FrameKind.CLASS;
                if (by != null && isClass != (by == AllocationSites.By.CLASS)) {
                    continue;
                }
                if (site < 0) {
                    site = frames[d];
                }
                String name = profile.frames().name(frames[d]);
                if (counted.add(name)) {
                    sums.computeIfAbsent(name, k -> new long[2])[1] += w;
                }
            }
            int self = by == null ? (frames.length == 0 ? -1 : frames[frames.length - 1])
                    : by == AllocationSites.By.METHOD ? site
                    : frames.length > 0 && profile.frames().kind(frames[frames.length - 1]) == FrameKind.CLASS ? frames[frames.length - 1] : -1;
            if (self >= 0) {
                sums.computeIfAbsent(profile.frames().name(self), k -> new long[2])[0] += w;
            }
        }
        Map<String, List<Long>> out = new HashMap<>();
        sums.forEach((name, s) -> {
            if (s[1] != 0) {
                out.put(name, List.of(s[0], s[1]));
            }
        });
        return out;
    }

    private static Map<String, List<Long>> asMap(List<HotMethods.Method> methods) {
        Map<String, List<Long>> out = new HashMap<>();
        methods.forEach(m -> out.put(m.name(), List.of(m.self(), m.total())));
        return out;
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
}
