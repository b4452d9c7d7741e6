package dev.firesight.app.timeline;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.tasks.FxTaskRunner;
import dev.firesight.app.window.FxFileDialogs;
import dev.firesight.app.window.RecentFiles;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Files;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The whole window with a recording (the first argument, or the burst fixture) in the alloc view, and
 * after a few seconds the timeline's top spike selected: for screenshots of the integrated tab.
 */
public final class WindowTimelineDemo {
    private WindowTimelineDemo() {
    }

    /** The JavaFX application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            String file = getParameters().getRaw().isEmpty() ? TestRecordings.burst().toString()
                    : getParameters().getRaw().get(0);
            FiresightApp app = new FiresightApp(new FxTaskRunner(2, Platform::runLater),
                    new RecentFiles(Files.createTempDirectory("firesight-demo").resolve("recent")),
                    new FxFileDialogs(), List.of(file, "--view=alloc"));
            app.start(stage);
            selectTopSpikeWhenReady(stage);
        }
    }

    /** Polls until the tab's timeline has its model, then selects its top spike window. */
    static void selectTopSpikeWhenReady(Stage stage) {
        PauseTransition wait = new PauseTransition(Duration.millis(500));
        wait.setOnFinished(e -> {
            RecordingTimeline timeline = (RecordingTimeline) stage.getScene().lookup("." + RecordingTimeline.STYLE_CLASS);
            if (timeline == null || timeline.getModel() == null) {
                selectTopSpikeWhenReady(stage);
            } else if (!timeline.getModel().spikes().windows().isEmpty()) {
                timeline.select(timeline.getModel().spikes().windowsByPeak().get(0));
            }
        });
        wait.play();
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
