package dev.firesight.app.attach;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The "Attach to JVM" window: a searchable table of local JVMs, what to record and for how long,
 * Start and Stop, and while recording the elapsed time, the engine, its notes and any error as a
 * sentence. Not modal, so the recording's tab can be watched filling up behind it.
 */
public final class AttachDialogView {
    private final AttachDialogViewModel vm;
    private final VBox root = new VBox(10);
    private final TableView<JvmRow> table = new TableView<>();
    private final Label status = new Label();
    private final Label error = new Label();
    private final Label notes = new Label();
    private Stage stage;
    /** Uptimes are computed when a cell is drawn, so the table is redrawn now and then while it shows. */
    private final javafx.animation.Timeline uptimeTicker = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5), e -> table.refresh()));

    public AttachDialogView(AttachDialogViewModel vm) {
        this.vm = vm;
        root.setId("attach-dialog");
        root.getStyleClass().add("attach-dialog");
        root.setPadding(new Insets(12));
        VBox local = new VBox(10, searchBar(), table());
        local.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        javafx.scene.control.Tab localTab = new javafx.scene.control.Tab("This machine", local);
        localTab.setId("attach-local-tab");
        javafx.scene.control.Tab remoteTab = new javafx.scene.control.Tab("Remote JVM (JMX)", remoteForm());
        remoteTab.setId("attach-remote-tab");
        javafx.scene.control.TabPane where = new javafx.scene.control.TabPane(localTab, remoteTab);
        where.setId("attach-where");
        where.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        where.getSelectionModel().select(vm.remoteProperty().get() ? remoteTab : localTab);
        where.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.remoteProperty().set(t == remoteTab));
        vm.remoteProperty().addListener((o, a, on) -> where.getSelectionModel().select(on ? remoteTab : localTab));
        where.disableProperty().bind(vm.recordingNowProperty());
        root.getChildren().addAll(where, options(), statusArea(), buttons());
        VBox.setVgrow(where, Priority.ALWAYS);
    }

    /**
     * Host, port, user, password (masked), TLS and the recent host:port list; Connect lists the JVM's recordings,
     * and one of them can be downloaded and opened. Start recording then records the connected JVM.
     */
    private VBox remoteForm() {
        TextField host = new TextField();
        host.setId("attach-jmx-host");
        host.setPromptText("localhost");
        host.textProperty().bindBidirectional(vm.hostProperty());
        TextField port = new TextField();
        port.setId("attach-jmx-port");
        port.setPromptText("9091");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.portProperty());
        TextField user = new TextField();
        user.setId("attach-jmx-user");
        user.setPromptText("none");
        user.textProperty().bindBidirectional(vm.userProperty());
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("attach-jmx-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        CheckBox tls = check("TLS", "attach-jmx-tls", vm.tlsProperty());
        tls.setTooltip(new Tooltip("The agent runs with com.sun.management.jmxremote.ssl=true; its certificate must be"
                + " trusted by this Java runtime (javax.net.ssl.trustStore)"));
        javafx.scene.control.ComboBox<dev.firesight.attach.JmxAddress> recent = new javafx.scene.control.ComboBox<>(
                vm.recentAddresses());
        recent.setId("attach-jmx-recent");
        recent.setPromptText("Recent");
        recent.setOnAction(e -> vm.chooseRecent(recent.getValue()));
        Button connect = new Button("Connect", icon("mdi2l-lan-connect"));
        connect.setId("attach-jmx-connect");
        connect.setOnAction(e -> vm.connect());
        connect.disableProperty().bind(vm.connectingProperty());
        HBox address = new HBox(8, new Label("Host"), host, new Label("Port"), port, recent);
        address.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        HBox login = new HBox(8, new Label("User"), user, new Label("Password"), password, tls, connect);
        login.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Reach a pod with kubectl port-forward pod/NAME 9091:9091, or a host with ssh -L"
                + " 9091:localhost:9091 HOST. The JVM needs -Dcom.sun.management.jmxremote.port=9091 and"
                + " -Dcom.sun.management.jmxremote.rmi.port=9091.");
        hint.setId("attach-jmx-hint");
        hint.getStyleClass().add("attach-notes");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // wraps instead of cutting the flags off
        Label connection = new Label();
        connection.setId("attach-jmx-connection");
        connection.setWrapText(true);
        connection.setMinHeight(Region.USE_PREF_SIZE);
        connection.setMaxWidth(Double.MAX_VALUE);
        connection.textProperty().bind(vm.connectionProperty());

        TableView<dev.firesight.attach.RemoteRecording> recordings = new TableView<>(vm.remoteRecordings());
        recordings.setId("attach-jmx-recordings");
        recordings.placeholderProperty().bind(javafx.beans.binding.Bindings.when(vm.connectedProperty().isNull())
                .then((javafx.scene.Node) new Label("Connect to list the JVM's recordings."))
                .otherwise((javafx.scene.Node) new Label("The JVM holds no recordings; start one above.")));
        recordings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recordings.getColumns().add(AttachDialogView.<dev.firesight.attach.RemoteRecording>column("Id", 50, r -> Long.toString(r.id())));
        recordings.getColumns().add(AttachDialogView.<dev.firesight.attach.RemoteRecording>column("Name", 260, dev.firesight.attach.RemoteRecording::name));
        recordings.getColumns().add(AttachDialogView.<dev.firesight.attach.RemoteRecording>column("State", 90, dev.firesight.attach.RemoteRecording::state));
        recordings.getColumns().add(AttachDialogView.<dev.firesight.attach.RemoteRecording>column("Started", 170, r -> r.start().map(t -> java.time.format
                .DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault())
                .format(t)).orElse("")));
        recordings.getColumns().add(AttachDialogView.<dev.firesight.attach.RemoteRecording>column("Size", 90, r -> dev.firesight.app.format.Units.bytes(r.bytes())));
        recordings.getSelectionModel().selectedItemProperty().addListener(
                (o, a, r) -> vm.selectedRemoteRecordingProperty().set(r));
        Button refresh = new Button("Refresh", icon("mdi2r-refresh"));
        refresh.setId("attach-jmx-refresh");
        refresh.setOnAction(e -> vm.refreshRemote());
        refresh.disableProperty().bind(vm.connectedProperty().isNull());
        Button open = new Button("Download and open", icon("mdi2d-download"));
        open.setId("attach-jmx-open");
        open.setOnAction(e -> vm.openRemoteRecording());
        open.disableProperty().bind(vm.connectedProperty().isNull()
                .or(vm.selectedRemoteRecordingProperty().isNull()));
        Button stopRemote = new Button("Stop recording", icon("mdi2s-stop-circle-outline"));
        stopRemote.setId("attach-jmx-stop");
        stopRemote.setOnAction(e -> vm.stopRemoteRecording());
        stopRemote.disableProperty().bind(vm.connectedProperty().isNull().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedRemoteRecordingProperty().get() == null || !vm.selectedRemoteRecordingProperty().get().running(),
                vm.selectedRemoteRecordingProperty())));
        HBox actions = new HBox(8, connection, refresh, stopRemote, open);
        HBox.setHgrow(connection, Priority.ALWAYS);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        stopRemote.setMinWidth(Region.USE_PREF_SIZE);
        open.setMinWidth(Region.USE_PREF_SIZE);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(8, address, login, hint, actions, recordings);
        form.setId("attach-jmx-form");
        form.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(recordings, Priority.ALWAYS);
        return form;
    }

    private HBox searchBar() {
        TextField search = new TextField();
        search.setId("attach-filter");
        search.setPromptText("Filter by pid, main class, jar or Java version");
        search.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button refresh = new Button("Refresh", icon("mdi2r-refresh"));
        refresh.setId("attach-refresh");
        refresh.setOnAction(e -> vm.refresh());
        // words rather than a spinning indicator: an endless animation repaints the window all the time
        Label busy = new Label("Looking for JVMs…");
        busy.setId("attach-refreshing");
        busy.getStyleClass().add("attach-refreshing");
        busy.visibleProperty().bind(vm.refreshingProperty());
        HBox bar = new HBox(8, search, busy, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<JvmRow> table() {
        table.setId("attach-jvms");
        table.setItems(vm.shownJvms());
        table.setPlaceholder(new Label("Looking for running JVMs…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(AttachDialogView.<JvmRow>column("PID", 70, r -> String.valueOf(r.pid())));
        table.getColumns().add(AttachDialogView.<JvmRow>column("Main class or jar", 260, JvmRow::application));
        table.getColumns().add(AttachDialogView.<JvmRow>column("Java", 180, JvmRow::java));
        table.getColumns().add(AttachDialogView.<JvmRow>column("Uptime", 70, r -> r.uptime(Instant.now())));
        table.getColumns().add(AttachDialogView.<JvmRow>column("Attach", 260, JvmRow::status));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(JvmRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unattachable"),
                        item != null && !item.jvm().attachable());
                setTooltip(item == null || item.jvm().attachable() ? null : new Tooltip(item.status()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(r);
            }
        });
        vm.shownJvms().addListener((ListChangeListener<JvmRow>) c -> {
            JvmRow r = vm.selectedProperty().get();
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                vm.start();
            }
        });
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(d.getValue())));
        return c;
    }

    private GridPane options() {
        CheckBox cpu = check("CPU", "attach-cpu", vm.cpuProperty());
        CheckBox alloc = check("Allocations", "attach-alloc", vm.allocProperty());
        CheckBox lock = check("Locks", "attach-lock", vm.lockProperty());
        CheckBox wall = check("Wall clock", "attach-wall", vm.wallProperty());
        CheckBox live = check("Live objects (leaks)", "attach-live", vm.liveProperty());
        CheckBox nativemem = check("Native memory", "attach-nativemem", vm.nativememProperty());
        javafx.scene.control.Button preset = new javafx.scene.control.Button("Memory leak preset");
        preset.setId("attach-memory-leak");
        preset.setTooltip(new javafx.scene.control.Tooltip("Allocations, live objects and native memory: what the"
                + " memory views and leak suspects need, at production-safe rates"));
        preset.setOnAction(e -> vm.chooseMemoryLeakPreset());
        Label costs = new Label();
        costs.setId("attach-costs");
        costs.setWrapText(true);
        costs.setMaxWidth(560);
        costs.getStyleClass().add("attach-costs");
        Runnable explain = () -> costs.setText(vm.costs());
        for (javafx.beans.property.BooleanProperty p : java.util.List.of(vm.cpuProperty(), vm.allocProperty(),
                vm.lockProperty(), vm.wallProperty(), vm.liveProperty(), vm.nativememProperty())) {
            p.addListener((o, a, b) -> explain.run());
        }
        vm.allocIntervalKbProperty().addListener((o, a, b) -> explain.run());
        explain.run();
        Spinner<Integer> interval = new Spinner<>(1, 1 << 20, vm.allocIntervalKbProperty().get(), 128);
        interval.setId("attach-alloc-interval");
        interval.setEditable(true);
        interval.setPrefWidth(100);
        interval.valueProperty().addListener((o, a, v) -> vm.allocIntervalKbProperty().set(v));
        vm.allocIntervalKbProperty().addListener((o, a, v) -> interval.getValueFactory().setValue(v.intValue()));
        interval.disableProperty().bind(vm.allocProperty().not());
        HBox events = new HBox(14, cpu, alloc, lock, wall, live, nativemem, preset);
        events.setAlignment(Pos.CENTER_LEFT);
        HBox allocRow = new HBox(6, new Label("one allocation sample every"), interval, new Label("KiB"));
        allocRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup g = new ToggleGroup();
        RadioButton until = new RadioButton("Until stopped");
        until.setId("attach-until-stopped");
        RadioButton fixed = new RadioButton("For");
        fixed.setId("attach-fixed");
        until.setToggleGroup(g);
        fixed.setToggleGroup(g);
        (vm.untilStoppedProperty().get() ? until : fixed).setSelected(true);
        until.selectedProperty().addListener((o, a, on) -> vm.untilStoppedProperty().set(on));
        vm.untilStoppedProperty().addListener((o, a, on) -> (on ? until : fixed).setSelected(true));
        Spinner<Integer> seconds = new Spinner<>(1, 24 * 3600, vm.secondsProperty().get(), 5);
        seconds.setId("attach-seconds");
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        seconds.valueProperty().addListener((o, a, v) -> vm.secondsProperty().set(v));
        vm.secondsProperty().addListener((o, a, v) -> seconds.getValueFactory().setValue(v.intValue()));
        seconds.disableProperty().bind(vm.untilStoppedProperty());
        HBox duration = new HBox(8, until, fixed, seconds, new Label("seconds"));
        duration.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, title("Record"), events);
        grid.addRow(1, new Region(), allocRow);
        grid.addRow(2, title("Costs"), costs);
        grid.addRow(3, title("Duration"), duration);
        grid.disableProperty().bind(vm.recordingNowProperty());
        return grid;
    }

    private VBox statusArea() {
        status.setId("attach-status");
        status.setWrapText(true);
        error.setId("attach-error");
        error.getStyleClass().add("attach-error");
        error.setWrapText(true);
        error.setGraphic(icon("mdi2a-alert-circle-outline"));
        notes.setId("attach-notes");
        notes.getStyleClass().add("attach-notes");
        notes.setWrapText(true);
        Label elapsed = new Label();
        elapsed.setId("attach-elapsed");
        elapsed.getStyleClass().add("attach-elapsed");
        vm.recordingProperty().addListener((o, a, r) -> bind(r, elapsed));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        notes.visibleProperty().bind(notes.textProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        elapsed.visibleProperty().bind(vm.recordingNowProperty());
        elapsed.managedProperty().bind(elapsed.visibleProperty());
        error.textProperty().bind(vm.errorProperty());
        return new VBox(6, elapsed, status, notes, error);
    }

    private void bind(LiveRecording r, Label elapsed) {
        status.textProperty().bind(r.statusProperty());
        notes.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", r.messages()), r.messages()));
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> "● Recording " + r.elapsedProperty().get()
                + (r.engineProperty().get().isEmpty() ? "" : " with " + r.engineProperty().get()),
                r.elapsedProperty(), r.engineProperty()));
        error.textProperty().bind(Bindings.createStringBinding(() -> !r.errorProperty().get().isEmpty()
                ? r.errorProperty().get() : vm.errorProperty().get(), r.errorProperty(), vm.errorProperty()));
    }

    private HBox buttons() {
        Button start = new Button("Start recording", icon("mdi2r-record-circle-outline"));
        start.setId("attach-start");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.recordingNowProperty().or(Bindings.when(vm.remoteProperty())
                .then(vm.connectedProperty().isNull()).otherwise(vm.selectedProperty().isNull())));
        Button stop = new Button("Stop", icon("mdi2s-stop-circle-outline"));
        stop.setId("attach-stop");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.recordingNowProperty().not());
        Button close = new Button("Close");
        close.setId("attach-close");
        close.setCancelButton(true);
        close.setOnAction(e -> hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(8, spacer, start, stop, close);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static CheckBox check(String text, String id, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static FontIcon icon(String code) {
        FontIcon i = new FontIcon(code);
        i.getStyleClass().add("icon");
        return i;
    }

    /** Shows the dialog (creating its window the first time) and starts watching the JVMs. */
    public void show(Window owner, java.util.List<String> stylesheets) {
        if (stage == null) {
            stage = new Stage();
            // Not owned by the main window: an owned window always stays above its owner, so the dialog
            // would cover the live tab it opens. It starts centred over the main window instead.
            if (owner != null) {
                stage.setOnShown(e -> {
                    stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
                    stage.setY(owner.getY() + (owner.getHeight() - stage.getHeight()) / 2);
                });
            }
            stage.setTitle("Attach to JVM — Firesight");
            Scene scene = new Scene(root, 1020, 660);
            scene.getStylesheets().addAll(stylesheets);
            scene.getStylesheets().add(Objects.requireNonNull(
                    AttachDialogView.class.getResource("attach.css")).toExternalForm());
            stage.setScene(scene);
            stage.setOnHidden(e -> {
                uptimeTicker.stop();
                vm.close();
            });
            uptimeTicker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        }
        uptimeTicker.play();
        vm.open();
        stage.show();
        stage.toFront();
    }

    public void hide() {
        if (stage != null) {
            stage.hide();
        }
        vm.close();
    }

    public Stage stage() {
        return stage;
    }

    public VBox root() {
        return root;
    }

    public AttachDialogViewModel viewModel() {
        return vm;
    }

}
