package dev.firesight.app.info;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Secrets;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The recording info panel: facts, JVM, system properties, environment and event counts, with a
 * warning when values look secret. Secrets stay redacted (on screen and when copied) until the user
 * ticks "Show secret values".
 */
public final class RecordingInfoView {
    public static final String STYLE_CLASS = "recording-info";
    public static final String SECRETS_STYLE_CLASS = "recording-info-secrets";

    private final Profile profile;
    private final TableView<RecordingFacts.Row> table = new TableView<>();
    private final CheckBox showSecrets = new CheckBox("Show secret values");
    private final VBox root = new VBox(8);

    public RecordingInfoView(Profile profile) {
        this(profile, null);
    }

    /**
     * @param saveRedactedCopy offered beside the secrets notice (File ▸ Save Redacted Copy), or null for
     *                         no such button
     */
    public RecordingInfoView(Profile profile, Runnable saveRedactedCopy) {
        this.profile = profile;
        TableColumn<RecordingFacts.Row, String> section = column("Section", RecordingFacts.Row::section, 160);
        TableColumn<RecordingFacts.Row, String> name = column("Name", RecordingFacts.Row::name, 260);
        TableColumn<RecordingFacts.Row, String> value = column("Value", RecordingFacts.Row::value, 520);
        table.getColumns().setAll(java.util.List.of(section, name, value));
        VBox.setVgrow(table, Priority.ALWAYS);
        showSecrets.selectedProperty().addListener((o, was, now) -> refresh());
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(RecordingFacts.text(table.getItems()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(8, showSecrets, spacer, copy);
        root.getStyleClass().add(STYLE_CLASS);
        root.setPadding(new Insets(10));
        String notice = Secrets.notice(profile.info());
        if (notice != null) {
            Label secrets = new Label(notice);
            secrets.setWrapText(true);
            secrets.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(secrets, Priority.ALWAYS);
            HBox row = new HBox(8, secrets);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            row.getStyleClass().add(SECRETS_STYLE_CLASS);
            row.setStyle("-fx-background-color: #fff3cd; -fx-padding: 6 8;");
            secrets.setStyle("-fx-text-fill: #664d03;");
            if (saveRedactedCopy != null) {
                Button save = new Button("Save Redacted Copy\u2026");
                save.setId("info-save-redacted");
                save.setMinWidth(Region.USE_PREF_SIZE);
                save.setOnAction(e -> saveRedactedCopy.run());
                row.getChildren().add(save);
            }
            root.getChildren().add(row);
        }
        root.getChildren().addAll(table, bottom);
        refresh();
    }

    private void refresh() {
        table.setItems(FXCollections.observableArrayList(
                RecordingFacts.rows(profile.info(), showSecrets.isSelected())));
    }

    private static TableColumn<RecordingFacts.Row, String> column(
            String title, java.util.function.Function<RecordingFacts.Row, String> value, double width) {
        TableColumn<RecordingFacts.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public VBox root() {
        return root;
    }

    public CheckBox showSecretsToggle() {
        return showSecrets;
    }

    public TableView<RecordingFacts.Row> table() {
        return table;
    }

    /** Shows the panel in its own window, owned by {@code owner}; see the constructor for the action. */
    public static Stage show(Window owner, Profile profile, Runnable saveRedactedCopy) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Recording info — " + profile.info().path().getFileName());
        Scene scene = new Scene(new RecordingInfoView(profile, saveRedactedCopy).root(), 980, 640);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                stage.close(); // a panel to glance at: Esc closes it, as it does dialogs
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
