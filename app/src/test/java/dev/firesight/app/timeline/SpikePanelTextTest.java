package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Recordings;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

/** The spike finder's header says "no GC pauses recorded" where there are none, not "0 GC pauses ≥ 0 μs". */
class SpikePanelTextTest {

    @Test
    void aRecordingWithoutGcEventsSaysSo() throws Exception {
        // async-profiler writes no GC events
        Spikes spikes = Spikes.find(Recordings.open(TestRecordings.asyncProfiler()));
        assertTrue(SpikePanel.headerText(spikes, null).endsWith("\nno GC pauses recorded (no jdk.GarbageCollection events)"),
                SpikePanel.headerText(spikes, null));
    }

    @Test
    void aRecordingWithPausesCountsTheLongOnes() throws Exception {
        Spikes spikes = Spikes.find(Recordings.open(TestRecordings.jdk17()));
        assertTrue(spikes.hasPauses());
        int n = spikes.longPauses().size();
        assertEquals("GC pause" + (n == 1 ? "" : "s") + " ≥ " + TimeFormat.duration(spikes.pauseThresholdNanos()),
                SpikePanel.headerText(spikes, null).substring(SpikePanel.headerText(spikes, null).indexOf('\n') + 1)
                        .replaceFirst("^\\d+ ", ""));
    }

    /** The pause a user looks for first, the longest, heads the list; every long pause is listed once. */
    @Test
    void theLongestPausesComeFirst() throws Exception {
        // every pause counts as long: how many pass the default threshold (twice the median) depends on the machine
        // that made the recording, and on a quick one the churn workload's 24 pauses had one
        dev.firesight.parser.Profile profile = Recordings.open(TestRecordings.memory("churn"));
        Spikes spikes = Spikes.find(profile, dev.firesight.parser.query.AllocationSites.of(profile),
                Spikes.Options.defaults().withPauseThresholdNanos(0));
        java.util.List<Spikes.Pause> listed = SpikePanel.longestFirst(spikes);
        assertTrue(listed.size() > 1, "precondition: several long pauses, " + listed.size());
        assertEquals(spikes.longPauses().stream().mapToLong(Spikes.Pause::durationNanos).max().getAsLong(),
                listed.get(0).durationNanos());
        for (int i = 1; i < listed.size(); i++) {
            assertTrue(listed.get(i - 1).durationNanos() >= listed.get(i).durationNanos(), "at " + i);
        }
        assertEquals(new java.util.HashSet<>(spikes.longPauses()), new java.util.HashSet<>(listed));
    }
}
