package dev.firesight.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the composition root of the window. */
public final class FiresightApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Firesight");
        AppIcons.apply(stage);
        stage.setScene(new Scene(new Label("Drop a .jfr recording here"), 1200, 800));
        stage.show();
    }
}
