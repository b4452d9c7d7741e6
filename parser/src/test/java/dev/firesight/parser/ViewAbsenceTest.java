package dev.firesight.parser;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording whose allocation events carry no stacks says so, and how to record them, instead of "none". */
class ViewAbsenceTest {
    private static final List<byte[]> KEEP = new ArrayList<>();

    @Test
    void allocationsWithoutStacksAreExplained(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-stacks.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationSample").withoutStackTrace().with("throttle", "off");
            recording.start();
            for (int i = 0; i < 20_000; i++) {
                KEEP.add(new byte[4096]);
                if (KEEP.size() > 512) {
                    KEEP.clear();
                }
            }
            recording.stop();
            recording.dump(file);
        }
        Profile profile = Recordings.open(file);
        assertFalse(profile.has(ViewKind.ALLOC), "no stacks, so no allocation view");
        long events = profile.info().eventCounts().getOrDefault("jdk.ObjectAllocationSample", 0L);
        assertTrue(events > 0, "the recording has allocation events");
        assertEquals(events, profile.eventsWithoutStack(ViewKind.ALLOC), "every one of them is counted");
        String sentence = ViewAbsence.sentence(profile, ViewKind.ALLOC);
        assertTrue(sentence.startsWith("The recording's " + String.format(java.util.Locale.ROOT, "%,d", events)
                + " allocation events were all recorded without stack traces"), sentence);
        assertTrue(sentence.contains("stackTrace=true for jdk.ObjectAllocationSample"), sentence);
        assertEquals(List.of(), profile.warnings(), "a file without stacks is not damaged");
        assertTrue(profile.notes().stream().anyMatch(n -> n.contains("allocation events")), profile.notes().toString());
        assertEquals("The recording has no lock events.", ViewAbsence.sentence(profile, ViewKind.LOCK));
    }
}
