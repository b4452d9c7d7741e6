package dev.firesight.app.window;

import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.timeline.RecordingTimeline;
import dev.firesight.app.timeline.TimelineBinding;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
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
import java.util.ArrayList;
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
    /** How long a notice stays when the user does nothing. */
    static final javafx.util.Duration NOTICE_TIME = javafx.util.Duration.seconds(12);
    private final javafx.animation.PauseTransition noticeTimeout = new javafx.animation.PauseTransition(NOTICE_TIME);
    private final Map<RecordingTabViewModel, RecordingTabView> views = new HashMap<>();
    /** Tabs that show something other than one recording (comparisons), after the recording tabs. */
    private final List<Tab> extraTabs = new ArrayList<>();
    private final MainMenuBar menus;
    private final StatusBarView status;
    private final EmptyStateView empty;
    private final DropSupport drop;
    private final ExportActions export;
    private final Timeline memoryTicker;
    private Runnable objectStorage = () -> notice("Opening from object storage is not set up in this window.");
    private Runnable onQuit;
    /** Set while the tab pane's list is brought in line with the view model, whose selection it must not change. */
    private boolean syncing;

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
        noticeTimeout.setOnFinished(e -> notice.setText(""));
        // A notice ("Exported … to …") reports what just happened: the user's next action ends it.
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> notice.setText(""));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> notice.setText(""));
        root.setBottom(bottom);

        tabPane.setId("recordings");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // Comparison tabs outlive the recordings they compare: the empty state shows only with no tab at all.
        empty.node().visibleProperty().bind(Bindings.isEmpty(tabPane.getTabs()));
        tabPane.visibleProperty().bind(Bindings.isNotEmpty(tabPane.getTabs()));
        vm.tabs().addListener((ListChangeListener<RecordingTabViewModel>) c -> syncTabs());
        vm.selectedProperty().addListener((o, a, b) -> selectTab(b));
        tabPane.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            RecordingTabViewModel selected = t != null && t.getUserData() instanceof RecordingTabViewModel r ? r : null;
            if (!syncing && selected != null && selected != vm.selectedProperty().get()) {
                vm.selectedProperty().set(selected);
            }
            RecordingTabView view = selected == null ? null : views.get(selected);
            tabTools.getChildren().setAll(view == null ? List.of() : List.of(view.toolBarItems()));
            status.show(t != null && t.getUserData() instanceof DescribedTab d ? d : null);
        });

        drop = new DropSupport(root, this::dropped);
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

    /**
     * The window's tool bar: open, attach and export, then the selected tab's own tools. An HBox, not a
     * {@link ToolBar}: a ToolBar moves whatever does not fit into an overflow menu, and the tab's tools are one
     * item, so a window a little too narrow lost all of them at once. Here they shrink (the search field
     * first) and what still does not fit is cut at the right edge.
     */
    private HBox toolBar() {
        Button open = new Button(null, Icons.icon(Icons.OPEN));
        open.setId("toolbar-open");
        open.setTooltip(new Tooltip("Open a recording (Ctrl+O)"));
        open.setOnAction(e -> showOpenDialog());
        Button attach = new Button(null, Icons.icon(Icons.ATTACH));
        attach.setId("toolbar-attach");
        attach.setTooltip(new Tooltip("Attach to a running JVM and record it (Ctrl+Shift+A)"));
        attach.setOnAction(e -> vm.attach());
        MenuButton exportButton = new MenuButton(null, Icons.icon(Icons.EXPORT));
        exportButton.setId("toolbar-export");
        exportButton.setTooltip(new Tooltip("Export the current view"));
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem i = new MenuItem(f.title() + "…");
            i.setOnAction(e -> export(f));
            exportButton.getItems().add(i);
        }
        exportButton.disableProperty().bind(vm.emptyProperty());
        for (javafx.scene.layout.Region r : List.of(open, attach, exportButton)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        tabTools.setAlignment(Pos.CENTER_LEFT);
        tabTools.setMinWidth(0);
        HBox.setHgrow(tabTools, javafx.scene.layout.Priority.ALWAYS);
        HBox bar = new HBox(open, attach, exportButton, new Separator(javafx.geometry.Orientation.VERTICAL), tabTools);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("tool-bar", "main-toolbar");
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(bar.widthProperty());
        clip.heightProperty().bind(bar.heightProperty());
        bar.setClip(clip);
        bar.setMinWidth(0);
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
            views.computeIfAbsent(t, k -> {
                RecordingTabView view = new RecordingTabView(k, () -> vm.close(k));
                RecordingTimeline timeline = TimelineBinding.create(vm.tasks(),
                        k.drawnProfileProperty(), k.timeRangeProperty(), k.threadsProperty());
                timeline.modelProperty().addListener((o, was, m) -> k.loading().timelineComputed(
                        m == null ? null : m.profile()));
                timeline.setOnCompareWithRest(r -> vm.compareWithRest(k, r));
                timeline.setOnCompareRanges((a, b) -> vm.compareRanges(k, a, b));
                view.setOnCompareSource(source -> vm.compareSourceWithOthers(k, source));
                view.setTimeline(timeline);
                k.query().setOnShowSeries(series -> {
                    view.showTimeline();
                    timeline.reveal(series);
                });
                view.bindLayout(vm.layoutProperty());
                return view;
            });
        }
        List<Tab> tabs = new ArrayList<>(vm.tabs().stream().map(t -> views.get(t).tab()).toList());
        for (RecordingTabViewModel t : vm.tabs()) {
            Tab tab = views.get(t).tab();
            if (tab.getContextMenu() == null) {
                tab.setContextMenu(compareMenu(t));
            }
        }
        tabs.addAll(extraTabs);
        if (!tabPane.getTabs().equals(tabs)) {
            // Remove and insert one by one: replacing the whole list made the tab pane select its first
            // tab, which then became the selected recording (Ctrl+W jumped to the first tab).
            syncing = true;
            try {
                tabPane.getTabs().retainAll(tabs);
                for (int i = 0; i < tabs.size(); i++) {
                    Tab t = tabs.get(i);
                    if (i >= tabPane.getTabs().size() || tabPane.getTabs().get(i) != t) {
                        tabPane.getTabs().remove(t);
                        tabPane.getTabs().add(i, t);
                    }
                }
            } finally {
                syncing = false;
            }
        }
        selectTab(vm.selectedProperty().get());
    }

    /**
     * Ctrl+W: closes the tab shown, a recording's or a comparison's, and leaves its neighbour selected (the
     * next one, or the previous one for the last).
     */
    void closeShownTab() {
        Tab shown = tabPane.getSelectionModel().getSelectedItem();
        if (shown == null) {
            return;
        }
        if (shown.getUserData() instanceof RecordingTabViewModel r) {
            vm.close(r);
            return;
        }
        int i = tabPane.getTabs().indexOf(shown);
        tabPane.getTabs().remove(shown);
        if (shown.getOnClosed() != null) {
            shown.getOnClosed().handle(new javafx.event.Event(Tab.CLOSED_EVENT));
        }
        if (!tabPane.getTabs().isEmpty()) {
            tabPane.getSelectionModel().select(Math.min(i, tabPane.getTabs().size() - 1));
        }
    }

    private void selectTab(RecordingTabViewModel t) {
        RecordingTabView view = t == null ? null : views.get(t);
        if (view != null && tabPane.getSelectionModel().getSelectedItem() != view.tab()) {
            tabPane.getSelectionModel().select(view.tab());
        }
    }

    /** Adds a tab that is not a recording's (a comparison) and selects it; closing it removes it. */
    public void showTab(Tab tab) {
        var closed = tab.getOnClosed();
        tab.setOnClosed(e -> {
            extraTabs.remove(tab);
            if (closed != null) {
                closed.handle(e);
            }
        });
        extraTabs.add(tab);
        syncTabs();
        tabPane.getSelectionModel().select(tab);
    }

    /** The tabs added through {@link #showTab}, in order. */
    public List<Tab> extraTabs() {
        return List.copyOf(extraTabs);
    }

    /** A recording tab's context menu: "Compare with" each other open recording, this one the baseline. */
    private ContextMenu compareMenu(RecordingTabViewModel base) {
        Menu with = new Menu("Compare with");
        ContextMenu menu = new ContextMenu(with);
        menu.setOnShowing(e -> {
            with.getItems().clear();
            for (RecordingTabViewModel other : vm.tabs()) {
                if (other != base) {
                    MenuItem i = new MenuItem(other.fileName());
                    i.setOnAction(a -> vm.compare(base, other));
                    with.getItems().add(i);
                }
            }
            with.setDisable(with.getItems().isEmpty());
        });
        return menu;
    }

    /**
     * File ▸ Compare Recordings: with one recording open, it is the baseline and the user picks the target from
     * disk (it opens in its own tab too); with two open, the first is the baseline and the second the target;
     * with more, the selected one is the target and the user picks the baseline.
     */
    public void compareOpenTabs() {
        List<RecordingTabViewModel> open = vm.tabs();
        if (open.isEmpty()) {
            notice("Open a recording to compare it with another.");
            return;
        }
        if (open.size() == 1) {
            RecordingTabViewModel baseline = open.get(0);
            dialogs.chooseRecordingToCompare(stage, baseline.fileName()).ifPresent(file -> {
                if (baseline.path().equals(file.toAbsolutePath().normalize())) {
                    notice("Pick another recording than " + baseline.fileName() + " to compare it with.");
                } else {
                    vm.openAndCompare(baseline, file);
                }
            });
            return;
        }
        if (open.size() == 2) {
            vm.compare(open.get(0), open.get(1));
            return;
        }
        RecordingTabViewModel target = vm.selectedProperty().get();
        List<RecordingTabViewModel> others = open.stream().filter(t -> t != target).toList();
        List<String> names = others.stream().map(RecordingTabViewModel::fileName).toList();
        dialogs.chooseBaseline(stage, target.fileName(), names)
                .ifPresent(name -> vm.compare(others.get(names.indexOf(name)), target));
    }

    /** A drop: one recording dropped onto an open one may be compared with it instead of opened. */
    void dropped(List<Path> files) {
        RecordingTabViewModel current = vm.selectedProperty().get();
        if (current != null && files.size() == 1
                && !current.path().equals(files.get(0).toAbsolutePath().normalize())
                && dialogs.chooseCompareOnDrop(stage, files.get(0), current.fileName())) {
            vm.openAndCompare(current, files.get(0));
        } else {
            vm.openFiles(files);
        }
    }

    /**
     * File ▸ Open from Object Storage: a prefix in a bucket opens as one recording, in one tab, through the
     * same folder reading as Open Folder (its objects are downloaded into the cache first).
     */
    public void showObjectStorageDialog() {
        objectStorage.run();
    }

    /** What File ▸ Open from Object Storage runs; the composition root sets it. */
    public void setObjectStorage(Runnable open) {
        objectStorage = open;
    }

    /** File ▸ Open Folder: a folder of recordings opens as one recording, in one tab. */
    public void showOpenFolderDialog() {
        dialogs.chooseFolder(stage).ifPresent(folder -> vm.openFiles(List.of(folder)));
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
        Tab shown = tabPane.getSelectionModel().getSelectedItem();
        if (shown != null && shown.getUserData() instanceof FlameExportSource source) {
            export.export(source.exportGraph(), source.exportName(), format);
            return;
        }
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

    /** Alt+Left: back to where the user was before the last finding or leak suspect they opened. */
    void back() {
        RecordingTabView t = selectedTab();
        if (t != null) {
            t.viewModel().back();
        }
    }

    /** Esc: clears the search, or when there is none resets the zoom. */
    void escape() {
        RecordingTabView t = selectedTab();
        if (t != null) {
            t.viewModel().escape();
        }
    }

    /** The selected recording's facts, with secret-looking values redacted by default. */
    void showRecordingInfo() {
        RecordingTabViewModel tab = vm.selectedProperty().get();
        if (tab == null || tab.profileProperty().get() == null) {
            notice("Open a recording first; its info lists the JVM, its arguments and environment.");
            return;
        }
        RecordingTabView view = tabView(tab);
        dev.firesight.app.info.RecordingInfoView.show(stage, tab.profileProperty().get(),
                () -> export.saveRedactedCopy(view));
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

    void quit() {
        if (onQuit != null) {
            onQuit.run();
        } else {
            Platform.exit();
        }
    }

    /** Shows a one-line message above the status bar (export done, an error in words). */
    /** Shows a one-line notice above the status bar until the next click or key, or {@link #NOTICE_TIME}. */
    /** The clock that ends a notice nobody acted on, for tests that run it fast. */
    javafx.animation.Animation noticeTimeout() {
        return noticeTimeout;
    }

    public void notice(String text) {
        notice.setText(text == null ? "" : text);
        noticeTimeout.playFromStart();
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
