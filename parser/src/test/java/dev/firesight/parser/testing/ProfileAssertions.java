package dev.firesight.parser.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;

/** Assertions that two loads of a recording gave the same profile. */
public final class ProfileAssertions {
    private ProfileAssertions() {
    }

    /** Everything a user sees of two loads is the same: views, samples row by row, stacks, frames, threads, words. */
    public static void assertSameProfile(Profile normal, Profile other, String name) {
        assertEquals(normal.views(), other.views(), name + " views");
        assertEquals(normal.warnings(), other.warnings(), name + " warnings");
        assertEquals(normal.notes(), other.notes(), name + " notes");
        assertEquals(normal.threadCount(), other.threadCount(), name + " threads");
        for (int t = 0; t < normal.threadCount(); t++) {
            assertEquals(normal.threadName(t), other.threadName(t), name + " thread " + t);
        }
        assertEquals(normal.stacks().size(), other.stacks().size(), name + " stacks");
        assertEquals(normal.stacks().nodeCount(), other.stacks().nodeCount(), name + " stack nodes");
        for (int s = 0; s < normal.stacks().size(); s++) {
            assertArrayEquals(normal.stacks().frames(s), other.stacks().frames(s), name + " stack " + s);
        }
        assertEquals(normal.frames().size(), other.frames().size(), name + " frames");
        for (int f = 0; f < normal.frames().size(); f++) {
            assertEquals(normal.frames().name(f), other.frames().name(f), name + " frame " + f);
            assertEquals(normal.frames().kind(f), other.frames().kind(f), name + " frame " + f);
            assertEquals(normal.frames().line(f), other.frames().line(f), name + " frame " + f);
        }
        for (ViewKind view : normal.views()) {
            SampleTable a = normal.samples(view);
            SampleTable b = other.samples(view);
            assertEquals(a.size(), b.size(), name + " " + view.id() + " rows");
            assertEquals(a.totalWeight(), b.totalWeight(), name + " " + view.id() + " weight");
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.timeNanos(i), b.timeNanos(i), name + " " + view.id() + " time " + i);
                assertEquals(a.stack(i), b.stack(i), name + " " + view.id() + " stack " + i);
                assertEquals(a.thread(i), b.thread(i), name + " " + view.id() + " thread " + i);
                assertEquals(a.weight(i), b.weight(i), name + " " + view.id() + " weight " + i);
            }
        }
        assertEquals(normal.series().keySet(), other.series().keySet(), name + " series");
        assertEquals(normal.info().durationNanos(), other.info().durationNanos(), name + " duration");
    }
}
