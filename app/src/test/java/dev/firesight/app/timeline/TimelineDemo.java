package dev.firesight.app.timeline;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows a timeline of a recording (the first argument, or the burst fixture) with its top spike window
 * selected and the threads lane expanded: for screenshots and eyeballing.
 */
public final class TimelineDemo {
    private TimelineDemo() {
    }

    /** The JavaFX application; a separate class so the launcher's main does not extend Application. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        Path path = getParameters().getRaw().isEmpty() ? TestRecordings.burst()
                : Path.of(getParameters().getRaw().get(0));
        Profile profile = Recordings.open(path);
        TimelineModel model = TimelineModel.of(profile);
        RecordingTimeline timeline = new RecordingTimeline(model);
        timeline.setThreadsExpanded(true);
        timeline.setOnCompareWithRest(r -> System.out.println("compare " + r));
        if (!model.spikes().windows().isEmpty()) {
            Spikes.Window w = model.spikes().windowsByPeak().get(0);
            timeline.select(w);
        }
        stage.setTitle("Firesight timeline: " + path.getFileName());
        stage.setScene(new Scene(timeline, 1560, 620));
        stage.show();
    }

    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
