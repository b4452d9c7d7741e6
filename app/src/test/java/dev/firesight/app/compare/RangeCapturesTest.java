package dev.firesight.app.compare;

import dev.firesight.app.timeline.TimeRange;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two time ranges of one recording as two captures: the selection and the rest add up to the whole. */
class RangeCapturesTest {
    @Test
    void selectionAndRestPartitionTheRecording() throws Exception {
        Profile p = Recordings.open(TestRecordings.halved(1.0));
        ProfileQuery q = ProfileQuery.of(ViewKind.ALLOC);
        long start = p.info().startNanos();
        long mid = start + p.info().durationNanos() / 3;
        RangeCaptures.Pair pair = RangeCaptures.selectionAndRest(p, q, new TimeRange(start, mid), "h.jfr");
        DiffTree diff = DiffTreeBuilder.build(pair.base(), pair.target(), () -> false);
        DiffTree whole = DiffTreeBuilder.build(new DiffTreeBuilder.Capture(p, q, "all"),
                new DiffTreeBuilder.Capture(p, q, "all"), () -> false);
        assertTrue(diff.targetTotal(DiffTree.ROOT) > 0 && diff.baseTotal(DiffTree.ROOT) > 0);
        assertEquals(whole.baseTotal(DiffTree.ROOT), diff.baseTotal(DiffTree.ROOT) + diff.targetTotal(DiffTree.ROOT));
        assertTrue(pair.base().label().endsWith("(the rest)"), pair.base().label());
        assertTrue(pair.target().label().startsWith("h.jfr 0.0\u2013"), pair.target().label());

        RangeCaptures.Pair middle = RangeCaptures.selectionAndRest(p, q, new TimeRange(mid, mid + 1_000_000), "h.jfr");
        assertTrue(middle.base().label().contains("whole recording"), middle.base().label());
    }
}
