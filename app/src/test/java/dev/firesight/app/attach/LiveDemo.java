package dev.firesight.app.attach;

import dev.firesight.app.FiresightApp;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * For screenshots: starts the window, opens the attach dialog, picks the JVM whose pid is the first
 * argument once it is listed, and records it until stopped; the dialog then moves aside so the live
 * tab shows. Run under Xvfb: {@code java -cp ... dev.firesight.app.attach.LiveDemo PID}.
 */
public final class LiveDemo {
    private LiveDemo() {
    }

    public static final class App extends Application {
        private final FiresightApp app = new FiresightApp();

        @Override
        public void start(Stage stage) {
            long pid = Long.parseLong(getParameters().getRaw().get(0));
            boolean keepDialog = getParameters().getRaw().contains("--dialog");
            app.start(stage);
            stage.setX(0);
            stage.setY(0);
            app.window().viewModel().attach();
            AttachDialogView dialog = app.attachDialog();
            dialog.stage().setX(keepDialog ? 660 : 680);
            dialog.stage().setY(keepDialog ? 400 : 420);
            AttachDialogViewModel vm = dialog.viewModel();
            vm.filterProperty().set(Long.toString(pid));
            Timeline poll = new Timeline();
            poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), e -> {
                vm.shownJvms().stream().filter(r -> r.pid() == pid && r.jvm().attachable()).findFirst()
                        .ifPresent(r -> {
                            poll.stop();
                            vm.selectedProperty().set(r);
                            vm.start();
                            if (!keepDialog) {
                                // the recording goes on without the dialog; its tab has the stop button
                                new Timeline(new KeyFrame(Duration.seconds(3), x -> dialog.stage().hide())).play();
                            }
                        });
            }));
            poll.setCycleCount(Timeline.INDEFINITE);
            poll.play();
        }

        @Override
        public void stop() {
            app.stop();
        }
    }

    public static void main(String[] args) {
        Platform.setImplicitExit(true);
        Application.launch(App.class, args);
    }
}
