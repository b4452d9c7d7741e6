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

/** Range trees from the prepared whole-recording tree equal trees built from scratch, line for line. */
class RangeTreesTest {

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
            for (ProfileQuery base : new ProfileQuery[] {ProfileQuery.of(view), ProfileQuery.of(view).withReverse(true),
                ProfileQuery.of(view).withExclude(Pattern.compile("java\\.lang\\.Thread\\.run")),
                ProfileQuery.of(view).withPerThread(true)}) {
                RangeTrees trees = RangeTrees.prepare(profile, base, () -> false);
                RangeTrees reused = RangeTrees.from(CallTreeBuilder.build(profile, base), () -> false);
                assertTrue(trees.serves(base.withRange(1, 2)) && reused.serves(base));
                for (double[] f : new double[][] {{0, 1}, {0.3, 0.7}, {0.4, 0.65}, {0.9, 1}, {0.5, 0.5}}) {
                    long from = start + Math.round(duration * f[0]);
                    long to = start + Math.round(duration * f[1]);
                    CallTree fast = trees.tree(from, to, () -> false);
                    CallTree slow = CallTreeBuilder.build(profile, base.withRange(from, to));
                    assertEquals(text(slow), text(fast), view + " " + base + " " + f[0] + ".." + f[1]);
                    assertEquals(text(slow), text(reused.tree(from, to, () -> false)));
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
