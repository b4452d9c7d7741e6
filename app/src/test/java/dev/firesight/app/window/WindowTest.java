package dev.firesight.app.window;

import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/**
 * A TestFX test of the real main window, started through its composition root for each test. TestFX looks
 * for {@code @Start} on the test class itself only, so each subclass has a one-line {@code @Start} that
 * calls {@link #startWindow}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    @TempDir
    Path temp;

    WindowTestSupport support;
    Stage stage;

    void startWindow(Stage stage) {
        this.stage = stage;
        support = new WindowTestSupport(temp);
        support.start(stage);
    }
}
