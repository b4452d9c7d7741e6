package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Recordings;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.query.MemoryTrend;
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
        assertEquals(Lanes.MEMORY_HEIGHT, lane.height());
        assertEquals(TimeSeries.Kind.MAX_HEAP, model.memory().limit().kind(), "no container: -Xmx applies");
        assertEquals("-Xmx 64.0 MiB", TimelinePainter.limitText(model.memory()));

        long middle = model.full().fromNanos() + model.full().durationNanos() / 2;
        String tip = skin.tooltipAt(skin.xOf(middle), skin.laneMiddle("MEMORY"));
        assertTrue(tip.contains("\nHeap used  ") && tip.contains("\nLimit: -Xmx 64.0 MiB"), tip);

        MemoryTrend live = model.memory().trends().get(0);
        assertEquals(TimeSeries.Kind.HEAP_AFTER_GC, live.kind());
        assertTrue(live.growing() && live.sentence().contains("-Xmx (64.0 MiB)"), live.sentence()); // ran until OOM

        // The limit line and the growing projection are drawn in the limit colour, inside the memory lane.
        assertTrue(pixels(robot, skin.canvas(), lane, timeline.color(TimelineColor.MEMORY_LIMIT)) > 50,
                "the limit is drawn as a line");
        for (TimeSeries s : model.memory().uses()) {
            assertTrue(pixels(robot, skin.canvas(), lane, TimelinePainter.memoryColor(s.kind())) > 0,
                    s.kind() + " is drawn");
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
