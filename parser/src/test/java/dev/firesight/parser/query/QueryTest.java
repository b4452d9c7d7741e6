package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;

import org.junit.jupiter.api.Test;

/** {@code profile.query(q)} answers in one step what the separate builders answer, from one pass. */
class QueryTest {
    @Test
    void oneQueryGivesTheSameTreeAndHotMethodsAsTheBuilders() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        for (ViewKind view : profile.views()) {
            ProfileQuery q = ProfileQuery.of(view);
            Query run = profile.query(q);
            StackWeights weights = StackWeights.compute(profile, q, () -> false);
            assertEquals(Collapsed.toMap(CallTreeBuilder.build(profile, q)), Collapsed.toMap(run.callTree(() -> false)),
                    view.id());
            assertEquals(HotMethods.of(profile, weights, null), run.hotMethods(null, () -> false), view.id());
            assertSame(run.weights(() -> false), run.weights(() -> false), "one pass over the samples");
            assertEquals(weights.total(), run.weights(() -> false).total());
        }
    }

    @Test
    void turningTheReversedViewOnReusesTheSumsAndNothingElseDoes() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        ProfileQuery q = ProfileQuery.of(ViewKind.CPU);
        StackWeights forward = profile.query(q).weights(() -> false);
        Query reversed = profile.query(q.withReverse(true));
        assertSame(forward, reversed.weights(() -> false), "the same filters are not summed again");
        assertEquals(profile.query(q).hotMethods(null, () -> false), reversed.hotMethods(null, () -> false));
        assertEquals(Collapsed.toMap(CallTreeBuilder.build(profile, q.withReverse(true))),
                Collapsed.toMap(reversed.callTree(() -> false)), "and the reversed tree is still reversed");

        java.util.BitSet threads = new java.util.BitSet();
        threads.set(0);
        ProfileQuery one = q.withThreads(threads);
        StackWeights oneThread = profile.query(one).weights(() -> false);
        assertNotSame(forward, oneThread, "other filters are summed anew");
        threads.set(1); // the caller changes its set after asking: the next query must not take the old sums
        assertNotSame(oneThread, profile.query(q.withThreads(threads)).weights(() -> false));
        assertEquals(StackWeights.compute(profile, q.withThreads(threads), () -> false).total(),
                profile.query(q.withThreads(threads)).weights(() -> false).total());
    }
}
