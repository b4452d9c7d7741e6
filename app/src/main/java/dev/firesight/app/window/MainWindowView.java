package dev.firesight.app.window;

import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.tasks.TaskRunner;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The main window: menus, toolbar, one tab per recording (or the empty state), the drop overlay and
 * the status bar. It turns user gestures into calls on {@link MainWindowViewModel} and keeps one
 * {@link RecordingTabView} per tab view model.
 */
public final class MainWindowView {
    private final Stage stage;
    private final MainWindowViewModel vm;
    private final FileDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final TabPane tabPane = new TabPane();
    private final HBox tabTools = new HBox();
    private final Label notice = new Label();
    private final Map<RecordingTabViewModel, RecordingTabView> views = new HashMap<>();
    private final MainMenuBar menus;
    private final StatusBarView status;
    private final EmptyStateView empty;
    private final DropSupport drop;
    private final ExportActions export;
    private final Timeline memoryTicker;
    private Runnable onQuit;

    public MainWindowView(Stage stage, MainWindowViewModel vm, FileDialogs dialogs) {
        this.stage = stage;
        this.vm = vm;
        this.dialogs = dialogs;
        TaskRunner tasks = vm.tasks();
        this.export = new ExportActions(tasks, dialogs, () -> stage, this::notice);
        this.menus = new MainMenuBar(this, vm);
        this.status = new StatusBarView(vm);
        this.empty = new EmptyStateView(vm, this::showOpenDialog);

        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menus.node(), toolBar()));
        StackPane center = new StackPane(tabPane, empty.node(), dropOverlay());
        center.getStyleClass().add("center");
        root.setCenter(center);
        VBox bottom = new VBox(notice, status.node());
        notice.getStyleClass().add("notice");
        notice.setId("notice");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setOnMouseClicked(e -> notice.setText(""));
        root.setBottom(bottom);

        tabPane.setId("recordings");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        empty.node().visibleProperty().bind(vm.emptyProperty());
        tabPane.visibleProperty().bind(vm.emptyProperty().not());
        vm.tabs().addListener((ListChangeListener<RecordingTabViewModel>) c -> syncTabs());
        vm.selectedProperty().addListener((o, a, b) -> selectTab(b));
        tabPane.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            RecordingTabViewModel selected = t == null ? null : (RecordingTabViewModel) t.getUserData();
            if (selected != null && selected != vm.selectedProperty().get()) {
                vm.selectedProperty().set(selected);
            }
            RecordingTabView view = selected == null ? null : views.get(selected);
            tabTools.getChildren().setAll(view == null ? List.of() : List.of(view.toolBarItems()));
        });

        drop = new DropSupport(root, vm::openFiles);
        stage.titleProperty().bind(vm.titleProperty());
        memoryTicker = new Timeline(new KeyFrame(Duration.seconds(2), e -> status.refreshMemory()));
        memoryTicker.setCycleCount(Timeline.INDEFINITE);
        memoryTicker.play();
        syncTabs();
    }

    /** Builds the scene with the window's stylesheet and keyboard handling. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindowView.class.getResource("firesight.css")).toExternalForm());
        return scene;
    }

    private ToolBar toolBar() {
        Button open = new Button(null, Icons.icon(Icons.OPEN));
        open.setId("toolbar-open");
        open.setTooltip(new Tooltip("Open a recording (Ctrl+O)"));
        open.setOnAction(e -> showOpenDialog());
        MenuButton exportButton = new MenuButton(null, Icons.icon(Icons.EXPORT));
        exportButton.setId("toolbar-export");
        exportButton.setTooltip(new Tooltip("Export the current view"));
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem i = new MenuItem(f.title() + "…");
            i.setOnAction(e -> export(f));
            exportButton.getItems().add(i);
        }
        exportButton.disableProperty().bind(vm.emptyProperty());
        tabTools.setAlignment(Pos.CENTER_LEFT);
        ToolBar bar = new ToolBar(open, exportButton, new Separator(), tabTools);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private StackPane dropOverlay() {
        Label label = new Label("Drop to open", Icons.icon(Icons.DROP, 48));
        label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        label.getStyleClass().add("drop-label");
        StackPane overlay = new StackPane(label);
        overlay.setId("drop-overlay");
        overlay.getStyleClass().add("drop-overlay");
        overlay.setMouseTransparent(true);
        return overlay;
    }

    private void syncTabs() {
        views.keySet().removeIf(t -> !vm.tabs().contains(t));
        for (RecordingTabViewModel t : vm.tabs()) {
            views.computeIfAbsent(t, k -> new RecordingTabView(k, () -> vm.close(k)));
        }
        List<Tab> tabs = vm.tabs().stream().map(t -> views.get(t).tab()).toList();
        if (!tabPane.getTabs().equals(tabs)) {
            tabPane.getTabs().setAll(tabs);
        }
        selectTab(vm.selectedProperty().get());
    }

    private void selectTab(RecordingTabViewModel t) {
        RecordingTabView view = t == null ? null : views.get(t);
        if (view != null && tabPane.getSelectionModel().getSelectedItem() != view.tab()) {
            tabPane.getSelectionModel().select(view.tab());
        }
    }

    public void showOpenDialog() {
        List<Path> files = dialogs.chooseRecordings(stage);
        if (!files.isEmpty()) {
            vm.openFiles(files);
        }
    }

    /** The view of the selected tab, or null with no tab open. */
    public RecordingTabView selectedTab() {
        RecordingTabViewModel t = vm.selectedProperty().get();
        return t == null ? null : views.get(t);
    }

    public RecordingTabView tabView(RecordingTabViewModel t) {
        return views.get(t);
    }

    void export(ExportFormat format) {
        export.export(selectedTab(), format);
    }

    public ExportActions exportActions() {
        return export;
    }

    void focusSearch() {
        RecordingTabView t = selectedTab();
        if (t != null) {
            t.focusSearch();
        }
    }

    /** Esc: clears the search, or when there is none resets the zoom. */
    void escape() {
        RecordingTabView t = selectedTab();
        if (t != null) {
            t.viewModel().escape();
        }
    }

    void showAbout() {
        String version = MainWindowView.class.getPackage().getImplementationVersion();
        Alert about = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        about.initOwner(stage);
        about.setTitle("About Firesight");
        about.setHeaderText("Firesight " + (version == null ? "(development build)" : version));
        about.setContentText("A desktop viewer for JVM profiles: CPU, allocation, lock and wall-clock flame graphs"
                + " of JDK Flight Recorder and async-profiler recordings.\n\nJava " + System.getProperty("java.version")
                + ", JavaFX " + System.getProperty("javafx.runtime.version") + ".");
        about.show();
    }

    /**
     * Until the attach dialog exists: how to record a JVM by hand, so the button still helps. The
     * composition root wires this as the attach action.
     */
    public void showAttachHelp() {
        Alert help = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        help.initOwner(stage);
        help.setTitle("Record a running JVM");
        help.setHeaderText("Record a JVM, then open the recording here");
        help.setContentText("Start the JVM with\n  -XX:StartFlightRecording:filename=app.jfr,settings=profile\n"
                + "or record one that is already running with\n  jcmd <pid> JFR.start duration=60s filename=app.jfr"
                + "\nthen drop app.jfr on this window.");
        help.getDialogPane().setMinWidth(520);
        help.show();
    }

    void quit() {
        if (onQuit != null) {
            onQuit.run();
        } else {
            Platform.exit();
        }
    }

    /** Shows a one-line message above the status bar (export done, an error in words). */
    public void notice(String text) {
        notice.setText(text == null ? "" : text);
    }

    public void setOnQuit(Runnable r) {
        onQuit = r;
    }

    public void dispose() {
        memoryTicker.stop();
        vm.dispose();
    }

    public BorderPane root() {
        return root;
    }

    public TabPane tabPane() {
        return tabPane;
    }

    public DropSupport dropSupport() {
        return drop;
    }

    public MainWindowViewModel viewModel() {
        return vm;
    }

    public Label noticeLabel() {
        return notice;
    }

    StatusBarView statusBar() {
        return status;
    }

    MainMenuBar menus() {
        return menus;
    }
}
