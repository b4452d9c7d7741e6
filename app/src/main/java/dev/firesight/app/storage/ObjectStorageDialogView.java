package dev.firesight.app.storage;

import dev.firesight.app.storage.ObjectStorageDialogViewModel.ObjectRow;
import dev.firesight.app.storage.ObjectStorageDialogViewModel.TimeChoice;
import dev.firesight.app.window.Tables;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * The Open from Object Storage window: the store's fields, List, the objects with their sizes and times
 * (those outside the time window greyed), the time window, Open and Cancel, progress and errors as sentences.
 */
public final class ObjectStorageDialogView {
    private final ObjectStorageDialogViewModel vm;
    private final VBox root = new VBox(10);
    private final TableView<ObjectRow> table = new TableView<>();
    private Stage stage;

    public ObjectStorageDialogView(ObjectStorageDialogViewModel vm) {
        this.vm = vm;
        root.setId("storage-dialog");
        root.setPadding(new Insets(12));
        root.getChildren().addAll(fields(), table(), statusArea(), buttons());
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private GridPane fields() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        TextField location = text("storage-location", vm.locationProperty(), "s3://bucket/prefix/");
        TextField endpoint = text("storage-endpoint", vm.endpointProperty(),
                "AWS S3, or e.g. http://minio.local:9000 (AWS_ENDPOINT_URL)");
        TextField region = text("storage-region", vm.regionProperty(), "from AWS_REGION or ~/.aws/config");
        TextField profile = text("storage-profile", vm.profileProperty(), "from AWS_PROFILE, or default");
        TextField key = text("storage-access-key", vm.accessKeyIdProperty(), "from the environment or profile");
        PasswordField secret = new PasswordField();
        secret.setId("storage-secret");
        secret.setPromptText("never saved");
        secret.textProperty().bindBidirectional(vm.secretProperty());
        secret.disableProperty().bind(vm.accessKeyIdProperty().isEmpty());
        CheckBox pathStyle = new CheckBox("Path-style addressing (most S3-compatible stores)");
        pathStyle.setId("storage-path-style");
        pathStyle.selectedProperty().bindBidirectional(vm.pathStyleProperty());
        Button list = new Button("List");
        list.setId("storage-list");
        list.setDefaultButton(true);
        list.disableProperty().bind(vm.busyProperty());
        list.setOnAction(e -> vm.list());
        HBox locationRow = new HBox(8, location, list);
        HBox.setHgrow(location, Priority.ALWAYS);
        grid.addRow(0, new Label("Location"), locationRow);
        grid.addRow(1, new Label("Endpoint"), endpoint);
        grid.addRow(2, new Label("Region"), region);
        grid.addRow(3, new Label("Profile"), profile);
        grid.addRow(4, new Label("Access key ID"), key);
        grid.addRow(5, new Label("Secret access key"), secret);
        grid.add(pathStyle, 1, 6);
        GridPane.setHgrow(locationRow, Priority.ALWAYS);
        GridPane.setHgrow(endpoint, Priority.ALWAYS);
        return grid;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private TableView<ObjectRow> table() {
        table.setId("storage-objects");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("List a prefix to see its objects."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.textColumn("Object", 330, ObjectRow::key));
        table.getColumns().add(Tables.textColumn("Size", 80, ObjectRow::size));
        table.getColumns().add(Tables.textColumn("Recording starts", 150, ObjectRow::start));
        table.getColumns().add(Tables.textColumn("Ends", 150, ObjectRow::end));
        table.getColumns().add(Tables.textColumn("", 160, ObjectRow::note));
        // objects the time window leaves out (or that are no recording) are greyed: they will not be downloaded
        table.setRowFactory(t -> {
            TableRow<ObjectRow> row = new TableRow<>();
            row.itemProperty().addListener((o, a, item) -> row.setOpacity(item != null && !item.chosen() ? 0.55 : 1));
            return row;
        });
        table.setPrefHeight(260);
        return table;
    }

    private VBox statusArea() {
        ProgressBar bar = new ProgressBar();
        bar.setId("storage-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.managedProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("storage-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("storage-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b3261e;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(6, bar, status, error);
    }

    private HBox buttons() {
        ComboBox<TimeChoice> window = new ComboBox<>();
        window.setId("storage-window");
        window.getItems().setAll(TimeChoice.values());
        window.valueProperty().bindBidirectional(vm.timeChoiceProperty());
        window.setTooltip(new Tooltip("Counted back from the newest recording under the prefix; only the objects"
                + " that overlap it are downloaded"));
        Button open = new Button("Open");
        open.setId("storage-open");
        open.disableProperty().bind(Bindings.or(vm.busyProperty(), vm.openableProperty().not()));
        open.setOnAction(e -> vm.openChosen());
        Button cancel = new Button("Cancel");
        cancel.setId("storage-cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, new Label("Time window"), window, gap, cancel, open, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Shows the window over {@code owner}, with the main window's style sheets. */
    public void show(Window owner, List<String> stylesheets) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Open from Object Storage");
            Scene scene = new Scene(root, 900, 640);
            scene.getStylesheets().setAll(stylesheets);
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    public void hide() {
        vm.cancel();
        if (stage != null) {
            stage.hide();
        }
    }

    public ObjectStorageDialogViewModel viewModel() {
        return vm;
    }

    public VBox root() {
        return root;
    }
}
