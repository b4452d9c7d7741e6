package dev.firesight.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.testing.GoldenRecordings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a recording whose samples are kept per time bucket, a selection that is not on bucket boundaries widens to
 * whole buckets: the timeline shows, and the tab's range gets, the range the numbers are for.
 */
@ExtendWith(ApplicationExtension.class)
class BucketedSelectionTest {
    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>();
    private RecordingTimeline timeline;

    @Start
    void start(Stage stage) {
        timeline = TimelineBinding.create(new SynchronousTaskRunner(), profile, range,
                new javafx.beans.property.SimpleObjectProperty<>());
        stage.setScene(new Scene(timeline, 900, 300));
        stage.show();
    }

    @Test
    void aSelectionOffBucketBoundariesSnapsOutwardInTheTimelineAndTheTab(FxRobot robot) throws Exception {
        // a budget of half what the golden recording's samples take one by one forces buckets
        Profile bucketed = Recordings.open(GoldenRecordings.recording("jdk17"),
                LoadOptions.defaults().withSampleBudget(55_000));
        long width = bucketed.resolutionNanos();
        assertTrue(width > 0, "samples are kept per bucket");
        assertTrue(bucketed.notes().stream().anyMatch(n -> n.startsWith("Samples are kept per")), "the note says so");
        robot.interact(() -> profile.set(bucketed));
        WaitForAsyncUtils.waitForFxEvents();
        long origin = bucketed.samples(bucketed.views().iterator().next()).originNanos();
        TimeRange raw = new TimeRange(origin + 3 * width + width / 3, origin + 6 * width + width / 2);
        robot.interact(() -> timeline.setSelection(raw));
        WaitForAsyncUtils.waitForFxEvents();
        TimeRange whole = new TimeRange(origin + 3 * width, origin + 7 * width - 1);
        assertEquals(whole, range.get(), "the tab queries whole buckets");
        assertEquals(whole, timeline.getSelection(), "the timeline shows the buckets the numbers are for");
        assertNotEquals(raw, whole);

        TimeRange aligned = new TimeRange(origin + width, origin + 2 * width - 1);
        robot.interact(() -> timeline.setSelection(aligned));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(aligned, range.get(), "a selection of whole buckets stays as it is");
    }
}
