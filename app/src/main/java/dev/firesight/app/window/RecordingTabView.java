package dev.firesight.app.window;

import dev.firesight.app.flame.Breadcrumb;
import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.FlameLegend;
import dev.firesight.app.search.FrameFilterBar;
import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Warning;
import dev.firesight.parser.query.CallTree;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One recording's tab: while loading a progress bar with Cancel; when the file cannot be read a
 * message; otherwise a banner for what is missing, the timeline slot, the flame graph and, beside it,
 * the hot methods with callers and callees.
 */
public final class RecordingTabView {
    /**
     * How many frames nearest the leaf a "shorter stacks" retry keeps. On a 129 MB javac recording 32
     * frames halve the stack pool (75 to 37 MB), where JFR's own default depth of 64 saves a tenth.
     */
    static final int SHORT_STACKS = 32;
    /** On the tab's message when the user cancelled the load: said in a neutral colour, not as an error. */
    private static final javafx.css.PseudoClass CANCELLED = javafx.css.PseudoClass.getPseudoClass("cancelled");
    private static final javafx.css.PseudoClass STOPPED = javafx.css.PseudoClass.getPseudoClass("stopped");

    private final RecordingTabViewModel vm;
    private final Tab tab = new Tab();
    private final FlameGraph flame = new FlameGraph();
    private final HotMethodsView hotMethods;
    private final RecordingToolBar toolBar;
    private final TransformBar transforms;
    private final SandwichView sandwich;
    private final StackPane timelineSlot = new StackPane();
    private final Label banner = new Label();
    private final Label note = new Label();
    private final StackPane content = new StackPane();
    private final SplitPane timelineSplit = new SplitPane();
    private final BooleanProperty timelineShown = new SimpleBooleanProperty(true);
    private ObjectProperty<WindowLayout> layout;
    /** Why the load failed, with what to do next; null until a load first fails or is cancelled. */
    private Node failed;

    public RecordingTabView(RecordingTabViewModel vm, Runnable close) {
        this.vm = vm;
        this.hotMethods = new HotMethodsView(vm);
        this.toolBar = new RecordingToolBar(vm, flame);
        this.transforms = new TransformBar(vm);
        this.sandwich = new SandwichView(vm);
        vm.sandwichMethodProperty().addListener((o, a, m) -> {
            if (m.intValue() >= 0) {
                sandwich.open(tab.getTabPane() == null || tab.getTabPane().getScene() == null ? null
                        : tab.getTabPane().getScene().getWindow());
            }
        });
        tab.setText(vm.fileName());
        tab.setTooltip(new Tooltip(vm.path().toString()));
        tab.setUserData(vm);
        tab.setOnCloseRequest(e -> {
            e.consume();
            close.run();
        });
        bindFlameGraph();
        tab.setGraphic(liveBadge());

        Node loading = loadingPane();
        Node ready = readyPane();
        content.getChildren().addAll(ready, loading);
        content.getStyleClass().add("recording-tab");
        // While reading, a partial profile is drawn in the ready pane, under a bar that says it is partial.
        loading.visibleProperty().bind(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.LOADING)
                .and(vm.partialProperty().not()));
        // Most loads do not fail: the failure pane (message, retry offers) is built the first time this one
        // fails or is cancelled, not beside every tab's loading pane, which the tab's first pulse would style.
        vm.stateProperty().addListener((o, a, st) -> {
            if (isFailed(st)) {
                showFailedPane(close);
            }
        });
        if (isFailed(vm.stateProperty().get())) {
            showFailedPane(close);
        }
        ready.visibleProperty().bind(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.READY)
                .or(vm.partialProperty()));
        tab.setContent(content);
    }

    private void bindFlameGraph() {
        flame.setId("flame-graph");
        // Reading waits for the first partial flame graph to be on screen, in the tab shown (see the load's hold).
        flame.paintedTreeProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.flamePainted();
            }
        });
        tab.selectedProperty().addListener((o, a, shown) -> vm.setTabShown(shown));
        vm.setTabShown(tab.isSelected());
        vm.resultProperty().addListener((o, a, r) -> {
            int[] keep = vm.zoomPathProperty().get();
            flame.setTree(r == null ? null : r.tree());
            flame.setZoomPath(keep);
        });
        vm.zoomPathProperty().addListener((o, a, p) -> {
            if (!Arrays.equals(p, flame.getZoomPath())) {
                flame.setZoomPath(p);
            }
        });
        flame.zoomPathProperty().addListener((o, a, p) -> {
            if (!Arrays.equals(p, vm.zoomPathProperty().get())) {
                vm.zoomPathProperty().set(p == null ? new int[0] : p.clone());
            }
        });
        flame.highlightedNameIdProperty().bindBidirectional(vm.selectedMethodProperty());
        flame.selectedNodeProperty().addListener((o, a, node) -> {
            CallTree t = flame.getTree();
            int n = node.intValue();
            if (t != null && n > CallTree.ROOT && n < t.size() && t.nameId(n) >= 0) {
                vm.selectedMethodProperty().set(t.nameId(n));
            }
        });
        flame.icicleProperty().bind(vm.icicleProperty());
        flame.frameMenuItemsProperty().set(node -> FrameActions.of(vm, flame.getFlameTree().name(node),
                flame.getFlameTree().nameId(node)));
        flame.searchProperty().bind(vm.searchProperty());
        flame.onFocusFrameProperty().set(vm.frameFilters()::focusOn);
        flame.onExcludeFrameProperty().set(vm.frameFilters()::exclude);
    }

    /** "● Recording 0:12" with a stop button on the tab while its recording is in progress. */
    private Node liveBadge() {
        Label badge = new Label();
        badge.setId("live-badge");
        badge.getStyleClass().add("live-badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> "● Recording "
                + vm.liveTextProperty().get(), vm.liveTextProperty()));
        Button stop = new Button(null, Icons.icon(Icons.STOP));
        stop.setId("live-stop");
        stop.getStyleClass().add("live-stop");
        stop.setTooltip(new Tooltip("Stop recording"));
        stop.setOnAction(e -> {
            Runnable r = vm.stopActionProperty().get();
            if (r != null) {
                r.run();
            }
        });
        stop.visibleProperty().bind(vm.stopActionProperty().isNotNull());
        stop.managedProperty().bind(stop.visibleProperty());
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(4, badge, stop);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.liveProperty());
        box.managedProperty().bind(vm.liveProperty());
        return box;
    }

    private Node loadingPane() {
        Label label = new Label();
        label.textProperty().bind(vm.messageProperty());
        label.getStyleClass().add("loading-message");
        ProgressBar bar = new ProgressBar();
        bar.setId("load-progress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("load-cancel");
        cancel.setOnAction(e -> vm.cancelLoad());
        VBox box = new VBox(12, label, bar, cancel);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("loading-pane");
        return box;
    }

    private static boolean isFailed(RecordingTabViewModel.State state) {
        return state == RecordingTabViewModel.State.FAILED || state == RecordingTabViewModel.State.CANCELLED;
    }

    /** Adds the failure pane on top of the others, once; it shows while the load has failed or was cancelled. */
    private void showFailedPane(Runnable close) {
        if (failed == null) {
            failed = failedPane(close);
            // A read that stopped after drawing a partial profile keeps it, under the partial bar, instead.
            failed.visibleProperty().bind(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.FAILED)
                    .or(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.CANCELLED))
                    .and(vm.stoppedProperty().not()));
            content.getChildren().add(failed);
        }
    }

    private Node failedPane(Runnable close) {
        // A load the user cancelled is not an error: a neutral icon, and Retry to read it after all.
        Node errorIcon = Icons.icon(Icons.ERROR, 40);
        Node cancelledIcon = Icons.icon(Icons.INFO, 40);
        cancelledIcon.getStyleClass().add("neutral");
        Label icon = new Label();
        icon.setId("tab-state-icon");
        icon.graphicProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.CANCELLED))
                .then(cancelledIcon).otherwise(errorIcon));
        Button retryLoad = new Button("Retry");
        retryLoad.setId("load-retry");
        retryLoad.setOnAction(e -> vm.load());
        retryLoad.visibleProperty().bind(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.CANCELLED));
        retryLoad.managedProperty().bind(retryLoad.visibleProperty());
        Label message = new Label();
        message.setId("tab-error");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.getStyleClass().add("error-message");
        vm.stateProperty().addListener((o, a, st) -> message.pseudoClassStateChanged(CANCELLED,
                st == RecordingTabViewModel.State.CANCELLED));
        // Built when the load has already failed or been cancelled, so the listener missed that change.
        message.pseudoClassStateChanged(CANCELLED, vm.stateProperty().get() == RecordingTabViewModel.State.CANCELLED);
        Button closeButton = new Button("Close tab");
        closeButton.setOnAction(e -> close.run());
        // When the whole recording does not fit, offer what may: the two views most users open first,
        // the last quarter of the time (where an incident usually is), or stacks cut short.
        Label offer = new Label("It may fit with less detail:");
        HBox lessDetail = lessDetailOffers("load-");
        lessDetail.setAlignment(Pos.CENTER);
        VBox retry = new VBox(8, offer, lessDetail);
        retry.setAlignment(Pos.CENTER);
        retry.visibleProperty().bind(vm.outOfMemoryProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        HBox actions = new HBox(8, retryLoad, closeButton);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, icon, message, retry, actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("failed-pane");
        return box;
    }

    /**
     * The reads with less detail offered when a recording did not fit: the two views most users open first, the
     * last quarter of the time (where an incident usually is), or stacks cut short. {@code idPrefix} tells the
     * failure page's buttons from the partial bar's.
     */
    private HBox lessDetailOffers(String idPrefix) {
        return new HBox(8,
                retryButton(idPrefix + "fewer-views", "CPU and allocations only", o -> o.withViews(
                        java.util.EnumSet.of(dev.firesight.parser.ViewKind.CPU, dev.firesight.parser.ViewKind.ALLOC))),
                retryButton(idPrefix + "last-quarter", "The last quarter of the time",
                        o -> o.withTimeFraction(0.75, 1)),
                retryButton(idPrefix + "short-stacks", "Stacks cut to " + SHORT_STACKS + " frames",
                        o -> o.withMaxStackDepth(SHORT_STACKS)));
    }

    private Button retryButton(String id, String text, java.util.function.UnaryOperator<LoadOptions> lessDetail) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> vm.retryWith(lessDetail));
        return b;
    }

    private Node readyPane() {
        banner.setId("warning-banner");
        banner.getStyleClass().add("warning-banner");
        banner.setGraphic(Icons.icon(Icons.WARNING));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(Bindings.createStringBinding(() -> vm.warnings().isEmpty() ? ""
                : "Part of this recording could not be read; showing what loaded. "
                        + String.join(" ", Warning.grouped(vm.warnings())),
                vm.warnings()));
        // the banner says each kind once; every warning, file by file, is in its tooltip
        Tooltip allWarnings = new Tooltip();
        allWarnings.textProperty().bind(Bindings.createStringBinding(() -> vm.warnings().stream().map(Warning::text)
                .collect(Collectors.joining("\n")), vm.warnings()));
        allWarnings.setWrapText(true);
        allWarnings.setMaxWidth(900);
        banner.setTooltip(allWarnings);
        banner.visibleProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        banner.managedProperty().bind(banner.visibleProperty());

        note.setId("note-banner");
        note.getStyleClass().add("note-banner");
        note.setGraphic(Icons.icon(Icons.INFO));
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(Bindings.createStringBinding(() -> String.join(" ", vm.notes()), vm.notes()));
        note.visibleProperty().bind(Bindings.isNotEmpty(vm.notes()));
        note.managedProperty().bind(note.visibleProperty());
        note.setOnMouseClicked(e -> {
            note.visibleProperty().unbind();
            note.setVisible(false);
        });
        note.setTooltip(new Tooltip("Click to hide"));

        timelineSlot.setId("timeline-slot");
        timelineSlot.getStyleClass().add("timeline-slot");
        timelineSlot.managedProperty().bind(Bindings.isNotEmpty(timelineSlot.getChildren()));
        timelineSlot.visibleProperty().bind(timelineSlot.managedProperty());
        // The user may drag the timeline small: it is clipped rather than pushing the divider back down.
        timelineSlot.setMinHeight(0);
        timelineSlot.setAlignment(Pos.TOP_LEFT); // cut from the bottom, keeping its toolbar in view
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(timelineSlot.widthProperty());
        clip.heightProperty().bind(timelineSlot.heightProperty());
        timelineSlot.setClip(clip);

        Label queryError = new Label();
        queryError.getStyleClass().add("query-error");
        queryError.textProperty().bind(Bindings.createStringBinding(() -> vm.queryErrorProperty().get() == null ? ""
                : "This view could not be computed (" + ErrorMessages.sentence(vm.queryErrorProperty().get()) + ").",
                vm.queryErrorProperty()));
        queryError.visibleProperty().bind(vm.queryErrorProperty().isNotNull());
        queryError.managedProperty().bind(queryError.visibleProperty());

        // While a query runs the flame graph has no tree yet (or an older one): say it is computing, not
        // "No call tree". The box covers only its own size, so an older tree stays readable around it.
        Node computing = Tables.placeholder(vm.query().queryingProperty(), "");
        computing.setId("flame-computing");
        computing.getStyleClass().add("flame-computing");
        computing.setMouseTransparent(true);
        computing.visibleProperty().bind(vm.query().queryingProperty());
        ((javafx.scene.layout.Region) computing).setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE,
                javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane flameAndProgress = new StackPane(flame, computing);
        VBox graph = new VBox(flameTools(), queryError, transforms.node(), flameAndProgress, legendRow());
        VBox.setVgrow(flameAndProgress, Priority.ALWAYS);
        graph.getStyleClass().add("graph-pane");
        Node side = sidePanel();
        timelineSplit.setId("timeline-split");
        timelineSplit.setOrientation(Orientation.VERTICAL);
        timelineSplit.getItems().setAll(graph);
        timelineSlot.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> placeTimeline());
        timelineShown.addListener((o, a, b) -> placeTimeline());
        // Only a drag the user finishes moves the remembered divider, not the split pane's own adjustments.
        timelineSplit.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (timelineSplit.getItems().size() == 2 && layout != null) {
                layout.set(layout.get().withTimelineSplit(timelineSplit.getDividers().get(0).getPosition()));
            }
        });
        SplitPane split = new SplitPane(timelineSplit, side);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(side, false);
        BorderPane pane = new BorderPane(split);
        pane.setTop(new javafx.scene.layout.VBox(partialBar(), banner, note));
        return pane;
    }

    /**
     * "Reading… 40% — showing what has been read so far" with the progress bar and Cancel, above a partial
     * profile's flame graph while reading goes on; the toolbar and exports wait for the complete profile. When
     * reading stops early (cancelled, out of memory, a file gone) the partial profile stays and the bar says
     * why and how much it covers, with the reads that may still complete.
     */
    private Node partialBar() {
        Label text = new Label();
        text.setId("partial-message");
        text.setWrapText(true);
        // Once every byte is read, the stacks and tables are still put together: "Reading 100.0%" then looked
        // like a load that had stalled.
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.stoppedProperty().get()) {
                return vm.messageProperty().get() + " Showing the samples read before it stopped, "
                        + vm.partialCoverageProperty().get()
                        + "; these figures are not the whole recording's and cannot be exported.";
            }
            double done = Math.max(0, vm.progressProperty().get());
            dev.firesight.parser.ViewKind exact = vm.exactViewProperty().get();
            return (done >= 0.9995 ? "Reading done, putting the profile together"
                    : "Reading " + (int) (done * 100) + "%")
                    + (exact == null ? " — showing what has been read so far; the figures are final when reading ends."
                    : " — " + exact.title() + " is complete and exact; the other views come when reading ends.");
        }, vm.progressProperty(), vm.stoppedProperty(), vm.messageProperty(), vm.partialCoverageProperty(),
                vm.exactViewProperty()));
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        // A read the user cancelled is not an error: the bar then says so with a neutral icon and colours.
        Node failedIcon = Icons.icon(Icons.WARNING);
        Node cancelledIcon = Icons.icon(Icons.INFO);
        javafx.beans.binding.BooleanBinding stoppedByFailure = vm.stoppedProperty()
                .and(vm.stateProperty().isEqualTo(RecordingTabViewModel.State.FAILED));
        text.graphicProperty().bind(Bindings.when(vm.stoppedProperty())
                .then(Bindings.when(stoppedByFailure).then(failedIcon).otherwise(cancelledIcon))
                .otherwise((Node) null));
        ProgressBar bar = new ProgressBar();
        bar.setId("partial-progress");
        bar.setPrefWidth(200);
        bar.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("partial-cancel");
        cancel.setOnAction(e -> vm.cancelLoad());
        for (Node n : new Node[] {bar, cancel}) {
            n.visibleProperty().bind(vm.stoppedProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox lessDetail = lessDetailOffers("stopped-");
        lessDetail.visibleProperty().bind(vm.stoppedProperty().and(vm.outOfMemoryProperty()));
        lessDetail.managedProperty().bind(lessDetail.visibleProperty());
        Button again = new Button("Read it all again");
        again.setId("stopped-retry");
        again.setOnAction(e -> vm.load());
        HBox stoppedActions = new HBox(8, lessDetail, again);
        stoppedActions.visibleProperty().bind(vm.stoppedProperty());
        stoppedActions.managedProperty().bind(stoppedActions.visibleProperty());
        HBox reading = new HBox(10, text, bar, cancel);
        reading.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, reading, stoppedActions);
        box.setId("partial-bar");
        box.pseudoClassStateChanged(STOPPED, stoppedByFailure.get());
        stoppedByFailure.addListener((o, a, s) -> box.pseudoClassStateChanged(STOPPED, s));
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("partial-bar");
        box.visibleProperty().bind(vm.partialProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Beside the flame graph: the hot methods with callers and callees, what the recording shows (findings),
     * what stays alive (leak suspects) and which classes the heap holds ever more of (live set), each opening
     * its evidence in the flame graph.
     */
    private Node sidePanel() {
        Tab methods = new Tab("Methods", hotMethods.node());
        Tab findingsTab = lazyTab("Findings", () -> InsightLists.findings(vm.insights()));
        findingsTab.setId("findings-tab");
        Tab leaksTab = lazyTab("Leak suspects", () -> InsightLists.leakSuspects(vm.insights()));
        leaksTab.setId("leak-suspects-tab");
        Tab growthTab = lazyTab("Live set", () -> InsightLists.classGrowth(vm.insights()));
        growthTab.setId("live-set-tab");
        TabPane side = new TabPane(methods, findingsTab, leaksTab, growthTab);
        side.setId("side-panel");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return side;
    }

    /**
     * A side tab whose content is built when it is first selected. A tab pane lays out and styles the content of
     * every tab, shown or not, so three lists behind "Methods" were skinned in each recording tab's first pulse;
     * their items are computed in the background either way (InsightsViewModel), so nothing waits for them.
     */
    private static Tab lazyTab(String title, java.util.function.Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
        return tab;
    }

    /** Above the flame graph: the zoom breadcrumb, the frame filters, and the timeline's show/hide toggle. */
    private Node flameTools() {
        FrameFilterBar filters = new FrameFilterBar("flame", vm.frameFilters());
        ToggleButton toggle = new ToggleButton("Timeline");
        toggle.setId("timeline-toggle");
        toggle.getStyleClass().add("timeline-toggle");
        toggle.setFocusTraversable(false);
        toggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        toggle.selectedProperty().bindBidirectional(timelineShown);
        toggle.setTooltip(new Tooltip("Show or collapse the timeline, giving the flame graph the whole height"));
        toggle.visibleProperty().bind(Bindings.isNotEmpty(timelineSlot.getChildren()));
        toggle.managedProperty().bind(toggle.visibleProperty());
        Breadcrumb crumbs = flame.breadcrumbBar();
        HBox.setHgrow(crumbs, Priority.ALWAYS);
        HBox row = new HBox(6, crumbs, filters.node(), toggle);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("flame-tools");
        return row;
    }

    /** Below the flame graph: the colour mode and what its colours mean. */
    private Node legendRow() {
        FlameLegend legend = flame.legend();
        HBox.setHgrow(legend, Priority.ALWAYS);
        HBox row = new HBox(8, flame.colorModeChoice(), legend);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("flame-legend-row");
        return row;
    }

    /** The timeline above the flame graph in a draggable split, or nothing when collapsed or absent. */
    private void placeTimeline() {
        boolean show = !timelineSlot.getChildren().isEmpty() && timelineShown.get();
        Node graph = timelineSplit.getItems().get(timelineSplit.getItems().size() - 1);
        if (show && timelineSplit.getItems().size() == 1) {
            timelineSplit.getItems().setAll(timelineSlot, graph);
            timelineSplit.setDividerPositions(layout == null ? WindowLayout.DEFAULT.timelineSplit()
                    : layout.get().timelineSplit());
        } else if (!show && timelineSplit.getItems().size() == 2) {
            timelineSplit.getItems().setAll(graph);
        }
    }

    /**
     * Follows the window's layout, which all tabs share and which is remembered: the divider where the
     * user last left it, and the timeline shown or collapsed.
     */
    public void bindLayout(ObjectProperty<WindowLayout> windowLayout) {
        layout = windowLayout;
        timelineShown.set(windowLayout.get().timelineShown());
        timelineShown.addListener((o, a, b) -> {
            if (b != windowLayout.get().timelineShown()) {
                windowLayout.set(windowLayout.get().withTimelineShown(b));
            }
        });
        windowLayout.addListener((o, a, l) -> {
            timelineShown.set(l.timelineShown());
            if (timelineSplit.getItems().size() == 2
                    && Math.abs(timelineSplit.getDividers().get(0).getPosition() - l.timelineSplit()) > 1e-4) {
                timelineSplit.setDividerPositions(l.timelineSplit());
            }
        });
        placeTimeline();
        if (timelineSplit.getItems().size() == 2) {
            timelineSplit.setDividerPositions(windowLayout.get().timelineSplit());
        }
    }

    SplitPane timelineSplit() {
        return timelineSplit;
    }

    /** Puts a timeline (or any node) above the flame graph; null removes it. */
    /** What "Compare with the other JVMs" does with the chosen source. */
    public void setOnCompareSource(java.util.function.IntConsumer compare) {
        toolBar.sources().setOnCompare(compare);
    }

    /** Brings a collapsed timeline back, as its toggle does. */
    public void showTimeline() {
        timelineShown.set(true);
    }

    public void setTimeline(Node timeline) {
        timelineSlot.getChildren().setAll(timeline == null ? java.util.List.of() : java.util.List.of(timeline));
    }

    public Tab tab() {
        return tab;
    }

    public RecordingTabViewModel viewModel() {
        return vm;
    }

    public FlameGraph flameGraph() {
        return flame;
    }

    /** The chips of the transforms this tab applies. */
    javafx.scene.layout.Pane transformBar() {
        return transforms.node();
    }

    SandwichView sandwich() {
        return sandwich;
    }

    public HotMethodsView hotMethods() {
        return hotMethods;
    }

    /** This tab's controls for the window toolbar. */
    public javafx.scene.layout.Region toolBarItems() {
        return toolBar.node();
    }

    RecordingToolBar toolBar() {
        return toolBar;
    }

    public Label banner() {
        return banner;
    }

    public void focusSearch() {
        toolBar.searchBar().focus();
    }

}
