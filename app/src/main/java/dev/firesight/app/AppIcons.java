package dev.firesight.app;

import dev.firesight.icons.Icons;
import java.net.URL;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Gives a window the Firesight icon, in every size the window manager may pick from. */
final class AppIcons {
    private AppIcons() {
    }

    static void apply(Stage stage) {
        for (URL url : Icons.windowIcons()) {
            stage.getIcons().add(new Image(url.toExternalForm()));
        }
    }
}
