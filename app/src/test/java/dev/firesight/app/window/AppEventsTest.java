package dev.firesight.app.window;

import dev.firesight.app.bench.PixelsBench;
import dev.firesight.app.tasks.AppEvents;
import dev.firesight.parser.testing.TestRecordings;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The events the "file to pixels" benchmark reads: the real window says that it was laid out and, opening a
 * recording, that its flame graph was drawn, in an order the benchmark can rely on; the benchmark's reading
 * of them finds the final paint.
 */
@ExtendWith(ApplicationExtension.class)
class AppEventsTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @TempDir
    Path temp;
    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        AppEvents.recordTo(sink);
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @AfterEach
    void stopRecording() {
        AppEvents.recordTo(null);
    }

    @Test
    void windowAndFlameGraphAreSaidInOrder(FxRobot robot) {
        support.open(robot, TestRecordings.jdk17());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = sink.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> what = lines.stream().map(l -> l.split(" ", 3)[2]).toList();
        int start = what.indexOf("app start");
        int window = what.indexOf("window shown");
        int open = index(what, "open started ");
        int complete = index(what, "open complete ");
        int query = index(what, "query done cpu");
        int paint = index(what, "flame painted flame-graph frames=");
        assertTrue(start >= 0 && window > start, what.toString());
        assertTrue(open > window && complete > open && query > complete && paint > query, what.toString());
        assertEquals(1, what.stream().filter("window shown"::equals).count(), "said once: " + what);

        long epoch = Long.parseLong(lines.get(0).split(" ")[0]);
        PixelsBench.Milestones m = PixelsBench.milestones(lines, epoch);
        long paintAt = Long.parseLong(lines.get(paint).split(" ")[0]) - epoch;
        assertEquals(paintAt, m.finalPaint());
        assertEquals(m.firstPaint(), m.finalPaint(), "no partial flame graph is drawn before the open completes");
        assertFalse(m.firstWasPartial());
        assertTrue(m.firstPaintFrames() > 0);
    }

    private static int index(List<String> what, String prefix) {
        for (int i = 0; i < what.size(); i++) {
            if (what.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
