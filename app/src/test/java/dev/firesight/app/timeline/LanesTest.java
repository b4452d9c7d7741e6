package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.BurstRecording;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lane is there only when the recording has its data (the memory lane says in a line why it has none); x and
 * time map onto each other.
 */
class LanesTest {

    @Test
    void theBurstRecordingHasEveryLane() throws Exception {
        TimelineModel model = TimelineModel.of(BurstRecording.load().profile());
        Lanes lanes = new Lanes(model, false, 1000, model.full());
        assertEquals(List.of(Lanes.Kind.ALLOCATION, Lanes.Kind.HEAP, Lanes.Kind.MEMORY, Lanes.Kind.CPU,
                        Lanes.Kind.THREADS),
                lanes.lanes.stream().map(Lanes.Lane::kind).toList());
        Lanes expanded = new Lanes(model, true, 1000, model.full());
        assertTrue(expanded.height > lanes.height, "expanding threads adds rows");
    }

    @Test
    void aProfileWithOnlyCpuSamplesAndNoSeriesHasTheThreadsLaneAndSaysWhyThereIsNoMemory() {
        long start = 1_000_000_000_000L;
        long[] times = new long[10];
        for (int i = 0; i < 10; i++) {
            times[i] = start + i * 100_000_000L;
        }
        SampleTable cpu = SampleTable.of(ViewKind.CPU, start, times, new int[10], new int[10],
                java.util.stream.LongStream.generate(() -> 1).limit(10).toArray());
        FrameTable frames = new FrameTable(new String[] {"Main.run"}, new int[] {0},
                new byte[] {(byte) FrameKind.JIT.ordinal()}, new int[] {0}, new int[] {-1});
        StackTable stacks = new StackTable(new int[] {0}, new int[] {0}, new int[] {1});
        RecordingInfo info = new RecordingInfo(Path.of("x.jfr"), 0, "JDK Flight Recorder", start, 1_000_000_000L, 1,
                null, null, null, null, -1, null, null, Map.of(), List.of(), List.of());
        Profile profile = new Profile(info, Map.of(ViewKind.CPU, cpu), frames, stacks, new String[] {"main"}, Map.of(),
                List.of());
        TimelineModel model = TimelineModel.of(profile);
        assertFalse(model.hasAllocation());
        assertFalse(model.hasHeap());
        assertFalse(model.hasCpu());
        assertTrue(model.spikes().windows().isEmpty() && model.spikes().pauses().isEmpty());
        Lanes lanes = new Lanes(model, true, 1000, model.full());
        assertEquals(List.of(Lanes.Kind.MEMORY, Lanes.Kind.THREADS), lanes.lanes.stream().map(Lanes.Lane::kind).toList());
        assertTrue(model.memory().isEmpty());
        assertEquals(Lanes.MEMORY_ABSENT_HEIGHT, lanes.lane(Lanes.Kind.MEMORY).height(), "one line saying why, not a chart");
        assertEquals(10, model.threads().rows().get(0).totalCpu());

        // x and time are inverse maps over the plot.
        long t = start + 250_000_000L;
        assertEquals(t, lanes.time(lanes.x(t)), 1_000_000_000L / lanes.plotWidth());
        assertEquals(Lanes.LEFT, lanes.x(start), 1e-9);
    }
}
