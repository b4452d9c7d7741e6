package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every diff node's significance, on real captures: it is the same test as {@code check}'s share change where
 * the two mean the same samples, the same work recorded twice makes few nodes significant, and the method whose
 * allocations really doubled is significant.
 */
class DiffSignificanceTest {
    private static DiffTree diff(Profile base, Profile target) {
        ProfileQuery q = ProfileQuery.of(ViewKind.ALLOC);
        return DiffTreeBuilder.build(new DiffTreeBuilder.Capture(base, q, "base"),
                new DiffTreeBuilder.Capture(target, q, "target"), () -> false);
    }

    @Test
    void aNodeOfAFrameSeenOnceEqualsTheShareChangeOfThatFrame() throws Exception {
        Profile base = Recordings.open(TestRecordings.halved(0.5));
        Profile target = Recordings.open(TestRecordings.halved(1.0));
        DiffTree tree = diff(base, target);
        Map<String, Integer> seen = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            seen.merge(tree.name(n), 1, Integer::sum);
        }
        int compared = 0;
        for (int n = 1; n < tree.size(); n++) {
            // a frame at one node only: the samples under the node are exactly the samples under the frame
            if (seen.get(tree.name(n)) != 1 || tree.name(n).contains("Lambda")) {
                continue;
            }
            ShareChange byNode = tree.change(n);
            ShareChange byFrame = ShareChange.of(base, target, ViewKind.ALLOC,
                    Pattern.compile(Pattern.quote(tree.name(n))));
            assertEquals(byFrame.baseShare(), byNode.baseShare(), 1e-12, tree.name(n));
            assertEquals(byFrame.targetShare(), byNode.targetShare(), 1e-12, tree.name(n));
            assertEquals(byFrame.low(), byNode.low(), 1e-9, tree.name(n));
            assertEquals(byFrame.high(), byNode.high(), 1e-9, tree.name(n));
            compared++;
        }
        assertTrue(compared > 10, "frames compared: " + compared);
    }

    @Test
    void theSameWorkRecordedTwiceDiffersInFewNodes() throws Exception {
        DiffTree tree = diff(Recordings.open(TestRecordings.halved(1.0)),
                Recordings.open(TestRecordings.halved(1.0, "again")));
        int nodes = 0;
        int significant = 0;
        for (int n = 1; n < tree.size(); n++) {
            nodes++;
            significant += tree.change(n).significant() ? 1 : 0;
        }
        assertTrue(nodes > 20, "nodes: " + nodes);
        assertTrue(significant <= 0.1 * nodes, significant + " of " + nodes + " nodes significant");
        System.out.printf("A/A diff tree: %d of %d nodes significant at 95%%%n", significant, nodes);
    }

    @Test
    void theMethodWhoseAllocationsDoubledIsSignificant() throws Exception {
        DiffTree tree = diff(Recordings.open(TestRecordings.halved(0.5)), Recordings.open(TestRecordings.halved(1.0)));
        int found = 0;
        for (int n = 1; n < tree.size(); n++) {
            if (tree.name(n).endsWith("HalvedWorkload.allocateHalvable")) {
                ShareChange c = tree.change(n);
                assertTrue(c.significant() && c.z() > 0, c.describe());
                assertTrue(c.low() > 0, c.describe());
                found++;
            }
        }
        assertTrue(found > 0, "allocateHalvable is in the diff");
    }
}
