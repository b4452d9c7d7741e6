package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
