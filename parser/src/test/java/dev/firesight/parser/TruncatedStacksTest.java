package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.DeepRecursionWorkload;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JFR cuts a stack deeper than its stack depth and flags it truncated; such a stack's outermost frame is
 * not a real root. On a real recording of a deep recursion with a small stack depth, Firesight hangs exactly
 * the flagged samples under "[truncated]", says how many in a note, and keeps the JDK parser's totals.
 */
class TruncatedStacksTest {

    @Test
    void flaggedStacksHangUnderTruncatedAndTotalsStayTheJdkParsers() throws Exception {
        Path recording = TestRecordings.deepRecursion();
        long jdkSamples = 0;
        long jdkTruncated = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                jdkSamples++;
                jdkTruncated += e.getStackTrace().isTruncated() ? 1 : 0;
            }
        }
        assertTrue(jdkTruncated > 0 && jdkTruncated < jdkSamples,
                "the recursion is deeper than the stack depth and the shallow calls are not: " + jdkTruncated
                        + " of " + jdkSamples);

        Profile profile = Recordings.open(recording);
        SampleTable cpu = profile.samples(ViewKind.CPU);
        long truncated = 0;
        for (int i = 0; i < cpu.size(); i++) {
            int stack = cpu.stack(i);
            String root = profile.frames().nameOf(profile.frames().nameId(profile.stacks().frame(stack, 0)));
            if (root.equals("[truncated]")) {
                truncated++;
                // the recorder's frames and the marker; nothing else is added or lost
                assertEquals(TestRecordings.DEEP_RECURSION_STACK_DEPTH + 1, profile.stacks().depth(stack));
            }
        }
        assertEquals(jdkTruncated, truncated, "the samples JFR flags, no more, no fewer");
        assertEquals(jdkSamples, cpu.totalWeight(), "CPU total");

        Map<String, Long> ours = Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.CPU)));
        assertEquals(JdkOracle.view(recording, View.CPU).weights(), ours,
                "the same stacks as the JDK parser, the cut ones under [truncated]");
        assertTrue(ours.keySet().stream().anyMatch(s -> s.startsWith("[truncated];")
                && s.endsWith(DeepRecursionWorkload.class.getName() + ".burn")));

        String note = profile.notes().stream().filter(n -> n.contains("[truncated]")).findFirst().orElseThrow(
                () -> new AssertionError("no note about truncated stacks: " + profile.notes()));
        assertTrue(note.startsWith(Wording.count(truncated) + " CPU samples"), "counted per view: " + note);
        assertTrue(profile.warnings().isEmpty(), "cut stacks are not damage: " + profile.warnings());
    }
}
