package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;

import static dev.firesight.parser.testing.CollapsedStacks.rewritten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transforms on real recordings, checked against a second, independent implementation that rewrites the
 * untransformed collapsed stacks as strings (frame names split on {@code ;}), and for the invariant that
 * every view's total is what it was.
 */
class TransformsTest {

    @Test
    void mergingComputeHashesHandsItsSelfToBurnCpuAndKeepsItsCallees() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        String merged = Workload.frame("computeHashes");
        Transforms t = Transforms.of(List.of(Transform.Merge.function(merged)));
        Profile after = t.apply(profile, () -> false);

        ProfileQuery cpu = ProfileQuery.of(ViewKind.CPU);
        Map<String, HotMethods.Method> before = byName(profile, cpu);
        Map<String, HotMethods.Method> now = byName(after, cpu);
        assertTrue(before.containsKey(merged), "the workload spends time in computeHashes");
        assertFalse(now.containsKey(merged), "the merged frame is gone");
        // Its callees (hashBlock and mix, as often as the JIT leaves them visible) and every other method keep
        // their weight: a method's total counts the stacks that hold it, and merging drops no stack.
        before.forEach((name, m) -> {
            if (!name.equals(merged)) {
                assertEquals(m.total(), now.get(name).total(), name + " keeps its weight");
            }
        });
        String caller = Workload.frame("burnCpu");
        long selfUnderCaller = collapsed(profile, cpu).entrySet().stream()
                .filter(e -> e.getKey().endsWith(caller + ";" + merged)).mapToLong(Map.Entry::getValue).sum();
        assertTrue(selfUnderCaller > 0);
        assertEquals(before.get(caller).self() + selfUnderCaller, now.get(caller).self(),
                "its self weight under burnCpu went to burnCpu");
        Map<String, Long> expected = rewritten(collapsed(profile, cpu), s -> without(s, merged::equals));
        assertEquals(expected, collapsed(after, cpu));
        assertTotalsKept(profile, after);
    }

    @Test
    void onlyMyCodeKeepsLibraryWeightOnTheNearestCallerThatStays() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        Transform only = Transform.OnlyMyCode.hiding(List.of());
        Profile after = Transforms.of(List.of(only)).apply(profile, () -> false);
        ProfileQuery cpu = ProfileQuery.of(ViewKind.CPU);
        Map<String, Long> expected = rewritten(collapsed(profile, cpu), TransformsTest::onlyMyCode);
        assertEquals(expected, collapsed(after, cpu));
        assertTrue(byName(after, cpu).keySet().stream().noneMatch(n -> n.startsWith("java.") && !isRootOnly(after, n)),
                "no JDK frame is left but a stack's outermost one");
        assertTotalsKept(profile, after);
        // Allocation stacks end in the allocated class, which is data, not code: it stays.
        ProfileQuery alloc = ProfileQuery.of(ViewKind.ALLOC);
        Map<String, Long> leavesBefore = leaves(collapsed(profile, alloc));
        assertTrue(leavesBefore.containsKey("java.lang.String"), "the workload allocates strings");
        assertEquals(leavesBefore, leaves(collapsed(after, alloc)));
    }

    @Test
    void collapsingAPackageMakesEachRunOneFrame() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        Profile after = Transforms.of(List.of(Transform.CollapsePackage.of("java.lang"))).apply(profile, () -> false);
        for (ViewKind view : List.of(ViewKind.CPU, ViewKind.WALL)) {
            if (!profile.has(view)) {
                continue;
            }
            ProfileQuery q = ProfileQuery.of(view);
            Map<String, Long> before = collapsed(profile, q);
            assertTrue(before.keySet().stream().anyMatch(s -> s.contains("java.lang.")), view + " has java.lang");
            assertEquals(rewritten(before, s -> collapsed(s, "java.lang")), collapsed(after, q));
            assertTrue(byName(after, q).containsKey("java.lang"));
        }
        assertTotalsKept(profile, after);
    }

    @Test
    void collapsingRecursionOnRecordingsWithRecursion() throws Exception {
        int recursive = 0;
        for (String file : List.of("v2.0-ap2.9-cpu-lock-alloc.jfr.gz", "v2.0-ap3.0-fa937db-cpu-alloc.jfr.gz",
                "v2.1-jdk21.jfr", "v2.0-jdk11-recording.jfr")) {
            Profile profile = Recordings.open(publicRecording(file));
            Profile indirect = Transforms.of(List.of(Transform.CollapseRecursion.matching(null, false)))
                    .apply(profile, () -> false);
            Profile direct = Transforms.of(List.of(Transform.CollapseRecursion.matching(null, true)))
                    .apply(profile, () -> false);
            for (ViewKind view : profile.views()) {
                ProfileQuery q = ProfileQuery.of(view);
                Map<String, Long> before = collapsed(profile, q);
                Map<String, Long> expectedIndirect = rewritten(before, TransformsTest::withoutRecursion);
                Map<String, Long> expectedDirect = rewritten(before, TransformsTest::withoutDirectRecursion);
                recursive += expectedIndirect.equals(before) ? 0 : 1;
                assertEquals(expectedIndirect, collapsed(indirect, q), file + " " + view);
                assertEquals(expectedDirect, collapsed(direct, q), file + " " + view);
            }
            assertTotalsKept(profile, indirect);
            assertTotalsKept(profile, direct);
        }
        assertTrue(recursive > 0, "some of these recordings recurse, so the test shows something");
    }

    @Test
    void transformsChainSoALaterOneSeesAnEarlierOnesFrames() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        Transforms t = Transforms.none().with(Transform.CollapsePackage.of("java.util"))
                .with(Transform.Merge.matching("java\\.util")).with(Transform.OnlyMyCode.hiding(List.of()));
        Profile after = t.apply(profile, () -> false);
        ProfileQuery cpu = ProfileQuery.of(ViewKind.CPU);
        Map<String, Long> expected = rewritten(collapsed(profile, cpu),
                s -> onlyMyCode(without(collapsed(s, "java.util"), "java.util"::equals)));
        assertEquals(expected, collapsed(after, cpu));
        assertTotalsKept(profile, after);
        assertSame(after, t.apply(profile, () -> false), "the last result is kept");
        assertSame(profile, Transforms.none().apply(profile, () -> false));
        assertThrows(CancellationException.class,
                () -> Transforms.of(List.of(Transform.CollapsePackage.of("java.io"))).apply(profile, () -> true));
    }

    @Test
    void specsReadBackAndBadOnesGetASentence() throws Exception {
        for (String spec : List.of("merge=java\\.util\\..*", "collapse-recursion", "collapse-recursion=a\\.B\\.f",
                "collapse-direct-recursion", "collapse=java.util", "only-my-code", "only-my-code=org.apache.,io.")) {
            assertEquals(spec, Transforms.parse(spec).spec());
        }
        assertEquals(Transforms.parse("collapse=java.util."), Transforms.parse("collapse=java.util"));
        assertNotEquals(Transforms.parse("collapse-recursion"), Transforms.parse("collapse-direct-recursion"));
        assertEquals("Merge HashMap.get", Transform.Merge.function("java.util.HashMap.get").label());
        Transform exact = Transform.Merge.function("a.B$1.<init>(int[])");
        assertEquals("merge=a\\.B\\$1\\.\\<init\\>\\(int\\[\\]\\)", exact.spec());
        assertEquals(exact, Transforms.parse(exact.spec()), "a function's spec reads back as the same transform");
        assertTrue(java.util.regex.Pattern.compile("a\\.B\\$1\\.\\<init\\>\\(int\\[\\]\\)")
                .matcher("a.B$1.<init>(int[])").matches());
        assertEquals("java.util", Transform.CollapsePackage.packageOf("java.util.HashMap.get"));
        InvalidTransformException e = assertThrows(InvalidTransformException.class, () -> Transforms.parse("merge=("));
        assertTrue(e.getMessage().startsWith("'merge=(' has an invalid regular expression"), e.getMessage());
        assertThrows(InvalidTransformException.class, () -> Transforms.parse("merge"));
        assertThrows(InvalidTransformException.class, () -> Transforms.parse("fold=x"));
        Transforms two = Transforms.none().with(Transforms.parse("only-my-code")).with(Transforms.parse("collapse=a"));
        assertEquals("only-my-code collapse=a", two.spec());
        assertEquals(List.of(Transforms.parse("collapse=a")), two.without(Transforms.parse("only-my-code")).list());
    }

    // ---- the reference: the same rewrites on collapsed stacks as strings ----

    private static String[] without(String[] stack, java.util.function.Predicate<String> drop) {
        return Arrays.stream(stack).filter(f -> !drop.test(f)).toArray(String[]::new);
    }

    private static String[] onlyMyCode(String[] stack) {
        String[] kept = without(stack, f -> Transform.LIBRARY_PREFIXES.stream().anyMatch(f::startsWith));
        return kept.length == 0 && stack.length > 0 ? new String[] {stack[0]} : kept;
    }

    private static String[] collapsed(String[] stack, String pkg) {
        List<String> out = new ArrayList<>();
        boolean run = false;
        for (String f : stack) {
            boolean in = f.startsWith(pkg + ".");
            if (!in || !run) {
                out.add(in ? pkg : f);
            }
            run = in;
        }
        return out.toArray(String[]::new);
    }

    private static String[] withoutDirectRecursion(String[] stack) {
        List<String> out = new ArrayList<>();
        for (String f : stack) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(f)) {
                out.add(f);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String[] withoutRecursion(String[] stack) {
        List<String> out = new ArrayList<>();
        for (String f : stack) {
            int first = out.indexOf(f);
            if (first >= 0) {
                out.subList(first + 1, out.size()).clear();
            } else {
                out.add(f);
            }
        }
        return out.toArray(String[]::new);
    }

    private static Map<String, Long> collapsed(Profile profile, ProfileQuery q) {
        return new HashMap<>(Collapsed.toMap(CallTreeBuilder.build(profile, q)));
    }

    private static Map<String, Long> leaves(Map<String, Long> stacks) {
        Map<String, Long> out = new LinkedHashMap<>();
        stacks.forEach((s, w) -> out.merge(s.substring(s.lastIndexOf(';') + 1), w, Long::sum));
        return out;
    }

    private static boolean isRootOnly(Profile p, String name) {
        CallTree tree = CallTreeBuilder.build(p, ProfileQuery.of(ViewKind.CPU));
        long asRoot = 0;
        for (int c = tree.firstChild(CallTree.ROOT); c != CallTree.NONE; c = tree.nextSibling(c)) {
            asRoot += tree.name(c).equals(name) ? tree.total(c) : 0;
        }
        return asRoot == byName(p, ProfileQuery.of(ViewKind.CPU)).get(name).total();
    }

    private static Map<String, HotMethods.Method> byName(Profile p, ProfileQuery q) {
        Map<String, HotMethods.Method> out = new HashMap<>();
        HotMethods.of(p, StackWeights.compute(p, q, () -> false)).forEach(m -> out.put(m.name(), m));
        return out;
    }

    /** Every view's total, its sample count and its call tree's root are what they were. */
    private static void assertTotalsKept(Profile before, Profile after) {
        for (ViewKind view : before.views()) {
            ProfileQuery q = ProfileQuery.of(view);
            CallTree a = CallTreeBuilder.build(before, q);
            CallTree b = CallTreeBuilder.build(after, q);
            assertEquals(a.total(CallTree.ROOT), b.total(CallTree.ROOT), view + " total");
            assertEquals(a.samples(), b.samples(), view + " samples");
            assertEquals(before.samples(view).totalWeight(), b.total(CallTree.ROOT), view + " table total");
            CallTree reversed = CallTreeBuilder.build(after, q.withReverse(true));
            assertEquals(a.total(CallTree.ROOT), reversed.total(CallTree.ROOT), view + " bottom-up total");
        }
    }

    private static Path publicRecording(String name) throws URISyntaxException {
        return Path.of(TransformsTest.class.getResource("/public/" + name).toURI());
    }
}
