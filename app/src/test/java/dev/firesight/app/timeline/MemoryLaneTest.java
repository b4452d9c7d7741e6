package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.app.format.Units;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.query.MemoryBudget;
import dev.firesight.parser.query.MemoryTrend;

import java.util.ArrayList;
import java.util.List;
import dev.firesight.parser.testing.TestRecordings;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The memory lane on a JVM that leaked until it ran out of a 64 MB heap: it draws the heap against -Xmx as a
 * line, the hover names each kind of memory and the limit, and the live heap's projection is there to read.
 */
@ExtendWith(ApplicationExtension.class)
class MemoryLaneTest {
    private static TimelineModel model;
    private RecordingTimeline timeline;

    @BeforeAll
    static void load() throws Exception {
        model = TimelineModel.of(Recordings.open(TestRecordings.memory("leak")));
    }

    @Start
    void start(Stage stage) {
        timeline = new RecordingTimeline(model);
        stage.setScene(new Scene(timeline, 1300, 800));
        stage.show();
    }

    @Test
    void theHeapIsDrawnAgainstTheMaximumHeapWithItsProjection(FxRobot robot) {
        RecordingTimelineSkin skin = (RecordingTimelineSkin) timeline.getSkin();
        Lanes.Lane lane = skin.lane(Lanes.Kind.MEMORY);
        MemoryLane layout = skin.lanes().memory;
        assertEquals(layout.height(), lane.height());
        assertEquals(TimeSeries.Kind.MAX_HEAP, model.memory().limit().kind(), "no container: -Xmx applies");
        assertEquals("-Xmx 64.0 MiB", MemoryLane.limitText(model.memory()));

        long middle = model.full().fromNanos() + model.full().durationNanos() / 2;
        String tip = skin.tooltipAt(skin.xOf(middle), skin.laneMiddle("MEMORY"));
        assertTrue(tip.contains("\nHeap used  ") && tip.contains("\nLimit: -Xmx 64.0 MiB"), tip);

        MemoryTrend live = model.memory().trends().get(0);
        assertEquals(TimeSeries.Kind.HEAP_AFTER_GC, live.kind());
        assertTrue(live.growing() && live.sentence().contains("-Xmx (64.0 MiB)"), live.sentence()); // ran until OOM

        // The limit line and the growing projection are drawn in the limit colour, inside the memory lane.
        assertTrue(pixels(robot, skin.canvas(), lane, timeline.color(TimelineColor.MEMORY_LIMIT)) > 50,
                "the limit is drawn as a line");
        Color background = timeline.color(TimelineColor.LANE_BACKGROUND);
        for (TimeSeries s : model.memory().uses()) {
            Color c = MemoryLane.color(s.kind());
            // heap used is drawn half transparent (so the heap after GC shows over its band): its colour on the lane
            Color drawn = s.kind() != TimeSeries.Kind.HEAP_USED ? c : background.interpolate(c, 0.5);
            assertTrue(pixels(robot, skin.canvas(), lane, drawn) > 0, s.kind() + " is drawn");
        }
    }

    @Test
    void theLegendGivesEachUsesPeakAndTheHoverTheHeapsPeakReading(FxRobot robot) {
        RecordingTimelineSkin skin = (RecordingTimelineSkin) timeline.getSkin();
        MemoryLane layout = skin.lanes().memory;
        for (TimeSeries s : model.memory().uses()) {
            assertTrue(layout.legend.stream().anyMatch(e -> e.use() == s
                            && e.text().startsWith(MemoryLane.name(s.kind()) + " " + Units.bytes(s.max()))),
                    s.kind() + " is in the legend with its peak: " + layout.legend);
        }
        // No sentence is drawn over the plot: the projection has a row of its own above it, and hovering the row
        // reads the whole sentence, which is drawn cut to the lane's width.
        assertTrue(layout.trendMiddle(model.memory().trends().size() - 1) + MemoryLane.ROW / 2 <= layout.plotTop());
        Lanes.Lane lane = skin.lane(Lanes.Kind.MEMORY);
        assertEquals(model.memory().trends().get(0).sentence(),
                skin.tooltipAt(Lanes.LEFT + 20, lane.y() + layout.trendMiddle(0)));

        // Pointing at the heap's highest reading reads it, whichever readings share its pixel.
        TimeSeries used = model.memory().uses().get(0);
        assertEquals(TimeSeries.Kind.HEAP_USED, used.kind());
        int peak = 0;
        for (int i = 0; i < used.size(); i++) {
            peak = used.value(i) > used.value(peak) ? i : peak;
        }
        String tip = skin.tooltipAt(skin.xOf(used.timeNanos(peak)), skin.laneMiddle("MEMORY"));
        String line = tip.lines().filter(l -> l.startsWith("Heap used  ")).findFirst().orElseThrow();
        assertTrue(line.contains(Units.bytes(used.max())), line);
    }

    @Test
    void containerUsageSetsTheScaleOnlyAgainstTheContainersLimit() {
        MemoryBudget real = model.memory();
        long[] times = {real.uses().get(0).timeNanos(0)};
        TimeSeries container = new TimeSeries(TimeSeries.Kind.CONTAINER_MEMORY_USAGE, times,
                new double[] {671.0 * (1 << 20)}, 0);
        List<TimeSeries> uses = new ArrayList<>(real.uses());
        uses.add(container);

        // Against -Xmx (no container limit), the cgroup's 671 MiB is named, not drawn: the heap keeps the scale.
        MemoryLane xmx = MemoryLane.of(new MemoryBudget(null, uses, real.limits(), real.limit(), real.trends()),
                null, 1000);
        double heapPeak = real.peak();
        assertEquals(TimeFormat.niceCeilBytes(Math.max(heapPeak, real.limitBytes())), xmx.scale);
        MemoryLane.Entry named = xmx.legend.stream().filter(e -> e.use() == container).findFirst().orElseThrow();
        assertFalse(named.drawn());
        assertEquals("container usage 671 MiB, above the scale", named.text());

        // Against the container's limit, its usage is what gets the pod killed: drawn, on the scale.
        TimeSeries limit = new TimeSeries(TimeSeries.Kind.CONTAINER_MEMORY_LIMIT, times,
                new double[] {1024.0 * (1 << 20)}, 0);
        MemoryLane pod = MemoryLane.of(new MemoryBudget(null, uses, List.of(limit), limit, real.trends()), null, 1000);
        assertTrue(pod.legend.stream().anyMatch(e -> e.use() == container && e.drawn()), pod.legend.toString());
        assertTrue(pod.scale >= 1024.0 * (1 << 20) && pod.limitOnScale);

        // A narrow lane wraps its legend onto more rows instead of running off its end, and grows by them.
        MemoryLane narrow = MemoryLane.of(new MemoryBudget(null, uses, real.limits(), real.limit(), real.trends()),
                null, 300);
        assertTrue(narrow.legendRows > xmx.legendRows && narrow.height() > xmx.height());
        for (MemoryLane.Entry e : narrow.legend) {
            assertTrue(e.x() == 6 || e.x() + TimelinePainter.textWidth(e.text(), TimelinePainter.FONT) <= 300 - 6,
                    e + " fits");
        }
    }

    /** How many pixels of the lane have this colour, give or take the blending of anti-aliased lines. */
    private static int pixels(FxRobot robot, Canvas canvas, Lanes.Lane lane, Color c) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = canvas.snapshot(null, null));
        PixelReader r = img[0].getPixelReader();
        int n = 0;
        for (int y = (int) lane.y(); y < (int) lane.bottom(); y++) {
            for (int x = 0; x < (int) img[0].getWidth(); x++) {
                Color p = r.getColor(x, y);
                double d = Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue());
                n += d < 0.12 ? 1 : 0;
            }
        }
        return n;
    }
}
