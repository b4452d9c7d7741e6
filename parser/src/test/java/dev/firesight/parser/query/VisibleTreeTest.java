package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The trees a flame graph draws, built only where they are visible (reversed: {@link BottomUpTree}; top-down:
 * projected from the shared {@link StackTree}), against the complete tree of the same query on real
 * recordings: expanded fully each is the same tree node for node; pruned, every node kept is the complete
 * tree's node with the same self and total, every node wide enough to draw has all its children, and a search
 * adds up the same weight.
 */
class VisibleTreeTest {
    private static final String[] PUBLIC = {
        "v2.0-ap3.0-fa937db-cpu-alloc.jfr.gz", // async-profiler: deep stacks with native and kernel frames
        "v2.0-ap2.8.3-multichunk.jfr",
        "v2.1-jdk21.jfr",
    };

    @Test
    void expandedFullyItIsTheCompleteTreeNodeForNode() throws Exception {
        for (Case k : cases()) {
            CallTree onDemand = k.onDemand(null, 0, Integer.MAX_VALUE, () -> false);
            assertEquals(!k.query().reverse(), onDemand.isComplete(), k.query().toString());
            assertEquals(k.whole().size(), onDemand.size(), k.query().toString());
            assertSame(k.whole(), CallTree.ROOT, onDemand, CallTree.ROOT, k.query());
            for (int n = 0; n < onDemand.size(); n++) {
                assertEquals(0, onDemand.notBuilt(n));
            }
            assertTrue(onDemand.detailedUnder(CallTree.ROOT));
        }
    }

    @Test
    void prunedItKeepsExactNodesAndBuildsEveryNodeWideEnoughToDraw() throws Exception {
        int pruned = 0;
        for (Case k : cases()) {
            // The window's resolution, and a coarse one so that small fixtures are pruned hard too.
            for (double fraction : new double[] {BottomUpTree.MIN_FRACTION, 0.01}) {
                CallTree part = k.onDemand(null, fraction, Integer.MAX_VALUE, () -> false);
                pruned += k.whole().size() - part.size();
                checkKeptNodes(k.whole(), part, (long) Math.floor(k.whole().total() * fraction), k.query());
                assertTrue(part.detailedUnder(CallTree.ROOT));
            }
        }
        assertTrue(pruned > 0, "no recording had a node too narrow to build");
    }

    @Test
    void aZoomedNodeGetsItsCallersBuiltToItsOwnWidth() throws Exception {
        for (Case k : cases()) {
            CallTree whole = k.whole();
            ProfileQuery q = k.query();
            double fraction = 0.05;
            CallTree coarse = k.onDemand(null, fraction, Integer.MAX_VALUE, () -> false);
            // the deepest node of the complete tree with callers that the coarse tree did not build
            int target = CallTree.NONE;
            for (int n = 1; n < whole.size(); n++) {
                int there = coarse.find(whole.pathIds(n));
                if (there == CallTree.NONE && (target == CallTree.NONE || whole.depth(n) > whole.depth(target))) {
                    target = n;
                }
            }
            if (target == CallTree.NONE) {
                continue;
            }
            int[] path = whole.pathIds(target);
            CallTree focused = k.onDemand(path, fraction, Integer.MAX_VALUE, () -> false);
            int node = focused.find(path);
            assertNotEquals(CallTree.NONE, node, "the zoom path is built");
            assertTrue(focused.detailedUnder(node));
            long threshold = (long) Math.floor(whole.total(target) * fraction);
            checkKeptNodes(whole, focused, Long.MAX_VALUE, q);
            // below the zoomed node, everything as wide as the zoomed graph draws has its callers
            List<Integer> below = new ArrayList<>();
            below.add(node);
            while (!below.isEmpty()) {
                int n = below.remove(below.size() - 1);
                if (focused.total(n) >= threshold && focused.depth(n) >= path.length) {
                    assertEquals(0, focused.notBuilt(n), q + " " + focused.name(n));
                }
                for (int c = focused.firstChild(n); c != CallTree.NONE; c = focused.nextSibling(c)) {
                    below.add(c);
                }
            }
        }
    }

    @Test
    void theFirstLevelIsTheCompleteTreesFirstLevel() throws Exception {
        for (Case k : cases()) {
            if (!k.query().reverse()) {
                continue; // levels are asked of reversed trees only
            }
            CallTree first = CallTreeBuilder.buildReversedLevels(k.profile(), k.query(), k.weights(), 1,
                    () -> false);
            checkKeptNodes(k.whole(), first, Long.MAX_VALUE, k.query());
            int children = 0;
            for (int c = k.whole().firstChild(CallTree.ROOT); c != CallTree.NONE; c = k.whole().nextSibling(c)) {
                children++;
            }
            assertEquals(children + 1, first.size(), k.query().toString());
            assertFalse(first.detailedUnder(CallTree.ROOT));
        }
    }

    @Test
    void aSearchOfAPrunedTreeAddsUpWhatTheCompleteTreesSearchDoes() throws Exception {
        for (Case k : cases()) {
            CallTree part = k.onDemand(null, 0.01, Integer.MAX_VALUE, () -> false);
            for (String text : new String[] {"java", "Thread.run", "String", "read", "zzz-no-such-frame"}) {
                SearchPattern pattern = SearchPattern.of(text, true, false);
                FrameSearch all = FrameSearch.run(k.whole(), pattern);
                FrameSearch some = FrameSearch.run(part, pattern);
                assertEquals(all.matchedWeight(), some.matchedWeight(), k.query() + " " + text);
                assertTrue(some.matchCount() <= all.matchCount());
            }
        }
    }

    /**
     * Every node of {@code part} is the node of {@code whole} at the same path, with the same frame name, self
     * and total; its children are all of the whole node's children or none; and every node of at least
     * {@code threshold} has them.
     */
    private static void checkKeptNodes(CallTree whole, CallTree part, long threshold, ProfileQuery q) {
        for (int n = 0; n < part.size(); n++) {
            int w = whole.find(part.pathIds(n));
            assertNotEquals(CallTree.NONE, w, q + " " + String.join(";", part.path(n)));
            assertEquals(whole.self(w), part.self(n), q + " self of " + String.join(";", part.path(n)));
            assertEquals(whole.total(w), part.total(n), q + " total of " + String.join(";", part.path(n)));
            if (part.firstChild(n) == CallTree.NONE) {
                // what the hover says is left out is what the complete tree's callers add up to
                assertEquals(childrenTotal(whole, w), part.notBuilt(n), q.toString());
                if (part.total(n) >= threshold && n != CallTree.ROOT) {
                    assertEquals(0, part.notBuilt(n), q + " " + String.join(";", part.path(n)));
                }
            } else {
                assertEquals(0, part.notBuilt(n));
                assertSame(whole, w, part, n, q);
            }
        }
    }

    private static long childrenTotal(CallTree tree, int node) {
        long sum = 0;
        for (int c = tree.firstChild(node); c != CallTree.NONE; c = tree.nextSibling(c)) {
            sum += tree.total(c);
        }
        return sum;
    }

    /** Same name, self and total at {@code a} and {@code b}, and the same children in the same order (deeply). */
    private static void assertSame(CallTree whole, int a, CallTree part, int b, ProfileQuery q) {
        assertEquals(whole.nameId(a), part.nameId(b), q.toString());
        assertEquals(whole.name(a), part.name(b), q.toString());
        assertEquals(whole.self(a), part.self(b), q + " self of " + String.join(";", whole.path(a)));
        assertEquals(whole.total(a), part.total(b), q + " total of " + String.join(";", whole.path(a)));
        assertEquals(whole.depth(a), part.depth(b));
        // The representative frame (for kind, line and library) is one of the node's frames; the complete tree
        // takes the first of all the profile's stacks through the node, this one the first with weight in the
        // query, which can differ in line or kind (an interpreted frame seen only in another view).
        if (b != CallTree.ROOT) {
            assertEquals(part.nameId(b), part.profile().frames().nameId(part.frame(b)));
        }
        int x = whole.firstChild(a);
        int y = part.firstChild(b);
        if (y == CallTree.NONE) {
            return; // a leaf of the part: checked by the caller against notBuilt
        }
        for (; x != CallTree.NONE || y != CallTree.NONE; x = whole.nextSibling(x), y = part.nextSibling(y)) {
            assertNotEquals(CallTree.NONE, x, q + " extra child under " + String.join(";", whole.path(a)));
            assertNotEquals(CallTree.NONE, y, q + " missing child under " + String.join(";", whole.path(a)));
            assertSame(whole, x, part, y, q);
        }
    }

    /** A query of a recording, its stack weights and its complete tree. */
    private record Case(Profile profile, ProfileQuery query, StackWeights weights, CallTree whole) {
        CallTree onDemand(int[] focusPath, double minFraction, int maxDepth, BooleanSupplier cancelled) {
            if (query.reverse()) {
                return BottomUpTree.build(profile, query, weights, focusPath, minFraction, maxDepth, cancelled);
            }
            StackTree tree = StackTree.of(profile, query.view(), false);
            return tree.project(profile, query, weights, tree.totals(weights), focusPath, minFraction);
        }
    }

    private static List<Case> cases;

    /** Every view of every recording, whole and a 10% range: opened and built once for all the tests. */
    private static synchronized List<Case> cases() throws Exception {
        if (cases == null) {
            cases = new ArrayList<>();
            for (Profile profile : profiles()) {
                for (ProfileQuery q : queries(profile)) {
                    StackWeights w = StackWeights.compute(profile, q, () -> false);
                    cases.add(new Case(profile, q, w, CallTreeBuilder.build(profile, q, w, () -> false)));
                }
            }
        }
        return cases;
    }

    private static List<ProfileQuery> queries(Profile profile) {
        long start = profile.info().startNanos();
        long duration = profile.info().durationNanos();
        List<ProfileQuery> out = new ArrayList<>();
        for (ViewKind view : profile.views()) {
            for (boolean reverse : new boolean[] {true, false}) {
                ProfileQuery base = ProfileQuery.of(view).withReverse(reverse);
                out.add(base);
                out.add(base.withRange(start + duration * 4 / 10, start + duration * 5 / 10));
            }
        }
        return out;
    }

    private static List<Profile> profiles() throws Exception {
        List<Profile> out = new ArrayList<>();
        for (String name : PUBLIC) {
            out.add(Recordings.open(Path.of(VisibleTreeTest.class.getResource("/public/" + name).toURI())));
        }
        out.add(Recordings.open(TestRecordings.jdk17()));
        return out;
    }
}
