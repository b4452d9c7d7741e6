package dev.firesight.app.flame;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matched share a search reports equals the weight of stacks containing a match, counted independently. */
class FlameSearchTest {

    @Test
    void matchedWeightEqualsStacksWithAMatchOnARealRecording() throws Exception {
        Profile profile = ChildRecordings.hostile();
        for (ViewKind view : new ViewKind[] {ViewKind.CPU, ViewKind.ALLOC}) {
            for (boolean perThread : new boolean[] {false, true}) {
                ProfileQuery query = ProfileQuery.of(view).withPerThread(perThread);
                CallTree tree = CallTreeBuilder.build(profile, query);
                // "FlameWorkload" matches nested frames (work -> outer -> hashWork): each stack counts once.
                for (String regex : new String[] {"FlameWorkload", "hashWork|sort", "String", "script", "^java\\."}) {
                    Pattern p = Pattern.compile(regex);
                    SearchResult r = FlameSearch.run(tree, p).result();
                    long fromStacks = fromStackWeights(profile, query, p);
                    long fromCollapsed = fromCollapsed(tree, p);
                    assertEquals(fromStacks, r.matchedTotal(), view + " " + perThread + " /" + regex + "/");
                    assertEquals(fromCollapsed, r.matchedTotal(), view + " " + perThread + " /" + regex + "/");
                    assertEquals(100.0 * fromStacks / tree.total(), r.percent(), 1e-9);
                    assertTrue(r.matchedTotal() <= tree.total());
                }
            }
        }
        CallTree cpu = CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.CPU));
        SearchResult nested = FlameSearch.run(cpu, Pattern.compile("FlameWorkload")).result();
        assertTrue(nested.matchedTotal() > 0 && nested.matchingFrames() > 1, "workload frames are nested");
    }

    @Test
    void nestedMatchesCountOnceAndMatchesAreLeftToRight() {
        CallTree tree = SyntheticTrees.of("m;a;m;a 10", "m;b 5", "x;a 7", "y 3");
        FlameSearch s = FlameSearch.run(tree, Pattern.compile("^a$"));
        assertEquals(17, s.result().matchedTotal());
        assertEquals(3, s.result().matchingFrames());
        assertEquals(68.0, s.result().percent(), 1e-9);
        int[] m = s.matches();
        assertEquals("a", tree.name(m[0]));
        assertEquals(2, tree.depth(m[0]));
        assertEquals(4, tree.depth(m[1]), "the nested a comes before x;a in pre-order");
        assertEquals(SearchResult.NONE, FlameSearch.run(tree, null).result());
    }

    private static long fromStackWeights(Profile profile, ProfileQuery query, Pattern p) {
        StackWeights w = StackWeights.compute(profile, query, () -> false);
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        long sum = 0;
        for (int i = 0; i < w.size(); i++) {
            boolean hit = w.thread(i) >= 0 && p.matcher(profile.threadName(w.thread(i))).find();
            int s = w.stack(i);
            for (int d = 0; d < stacks.depth(s) && !hit; d++) {
                hit = p.matcher(frames.name(stacks.frame(s, d))).find();
            }
            if (hit) {
                sum += w.weight(i);
            }
        }
        return sum;
    }

    private static long fromCollapsed(CallTree tree, Pattern p) {
        long sum = 0;
        for (Map.Entry<String, Long> e : Collapsed.toMap(tree).entrySet()) {
            for (String frame : e.getKey().split(";")) {
                if (p.matcher(frame).find()) {
                    sum += e.getValue();
                    break;
                }
            }
        }
        return sum;
    }
}
