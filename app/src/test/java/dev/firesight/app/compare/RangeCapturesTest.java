package dev.firesight.app.compare;

import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two time ranges of one recording as two captures: the selection and the rest add up to the whole. */
class RangeCapturesTest {
    @Test
    void selectionAndRestPartitionTheRecording() throws Exception {
        Profile p = Recordings.open(TestRecordings.halved(1.0));
        ProfileQuery q = ProfileQuery.of(ViewKind.ALLOC);
        long start = p.info().startNanos();
        long third = p.info().durationNanos() / 3;
        long whole = StackWeights.compute(p, q, () -> false).total();

        RangeCaptures.Pair first = RangeCaptures.selectionAndRest(p, q, new TimeRange(start, start + third), "h.jfr");
        assertPartition(first, whole, p.info().durationNanos());
        assertTrue(first.base().label().endsWith("(the rest)"), first.base().label());
        assertTrue(first.target().label().startsWith("h.jfr 0.0\u2013"), first.target().label());
        assertFalse(first.base().label().contains("+"), "the rest after a leading selection is one piece");

        // A selection in the middle: the rest is the two pieces either side of it, named as such.
        RangeCaptures.Pair middle = RangeCaptures.selectionAndRest(p, q,
                new TimeRange(start + third, start + 2 * third), "h.jfr");
        assertPartition(middle, whole, p.info().durationNanos());
        assertTrue(middle.base().label().matches("h\\.jfr 0\\.0\u2013[0-9.]+ s \\+ [0-9.]+\u2013[0-9.]+ s \\(the rest\\)"),
                middle.base().label());
    }

    /** The two captures' weights add up to the recording's, and so do their durations. */
    private static void assertPartition(RangeCaptures.Pair pair, long wholeWeight, long wholeNanos) {
        DiffTree diff = DiffTreeBuilder.build(pair.base(), pair.target(), () -> false);
        assertTrue(diff.targetTotal(DiffTree.ROOT) > 0 && diff.baseTotal(DiffTree.ROOT) > 0);
        assertEquals(wholeWeight, diff.baseTotal(DiffTree.ROOT) + diff.targetTotal(DiffTree.ROOT));
        assertEquals(wholeNanos / 1e9, pair.base().durationSeconds() + pair.target().durationSeconds(), 1e-6);
    }
}
