package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;

import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Trees projected from a view's shared stack tree equal trees built stack by stack, line for line,
 * for every view, direction, filter and time range.
 */
class StackTreeTest {

    @Test
    void rangesOfTheBurstAndTheWorkloadMatchTheBuilderExactly() throws Exception {
        BurstRecording burst = BurstRecording.load();
        check(burst.profile());
        check(Recordings.open(TestRecordings.jdk17()));
    }

    private static void check(Profile profile) throws Exception {
        long start = profile.info().startNanos();
        long duration = profile.info().durationNanos();
        for (ViewKind view : profile.views()) {
            // A view's shared tree holds its own stacks only: every node carries some of the view's weight.
            CallTree whole = CallTreeBuilder.build(profile, ProfileQuery.of(view));
            assertEquals(whole.size(), StackTree.of(profile, view, false).size(), view + " tree nodes");
            for (ProfileQuery base : new ProfileQuery[] {ProfileQuery.of(view), ProfileQuery.of(view).withReverse(true),
                ProfileQuery.of(view).withExclude(Pattern.compile("java\\.lang\\.Thread\\.run")),
                ProfileQuery.of(view).withPerThread(true)}) {
                for (double[] f : new double[][] {{0, 1}, {0.3, 0.7}, {0.4, 0.65}, {0.9, 1}, {0.5, 0.5}}) {
                    long from = start + Math.round(duration * f[0]);
                    long to = start + Math.round(duration * f[1]);
                    ProfileQuery q = base.withRange(from, to);
                    CallTree fast = CallTreeBuilder.build(profile, q);
                    CallTree slow = CallTreeBuilder.buildByInsertion(profile, q,
                            StackWeights.compute(profile, q, () -> false), () -> false);
                    assertEquals(text(slow), text(fast), view + " " + base + " " + f[0] + ".." + f[1]);
                    assertEquals(slow.total(), fast.total());
                    assertEquals(slow.samples(), fast.samples());
                    assertEquals(slow.size(), fast.size());
                    assertEquals(slow.maxDepth(), fast.maxDepth());
                }
            }
        }
        assertTrue(profile.views().size() > 0);
    }

    private static String text(CallTree tree) throws Exception {
        StringWriter w = new StringWriter();
        Collapsed.write(tree, w);
        return w.toString();
    }
}
