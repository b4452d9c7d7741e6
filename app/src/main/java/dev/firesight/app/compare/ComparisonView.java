package dev.firesight.app.compare;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.search.SearchBar;
import dev.firesight.app.search.FrameFilterBar;
import dev.firesight.app.window.DescribedTab;
import dev.firesight.app.window.FlameExportSource;
import dev.firesight.parser.ViewKind;
import javafx.beans.value.ObservableStringValue;
import dev.firesight.parser.query.DiffTree.Normalization;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;

/**
 * The comparison screen, one tab: a banner with the caveats, a toolbar (diff or side by side,
 * normalisation, search, thread filter, link toggle), then either the diff flame graph with its legend and
 * the methods table, or the two captures' flame graphs next to each other with linked navigation.
 */
public final class ComparisonView implements FlameExportSource, DescribedTab {
    private final ComparisonViewModel vm;
    private final Tab tab = new Tab();
    private final BorderPane root = new BorderPane();
    private final VBox banner = new VBox(2);
    private final FlameGraph diffGraph = new FlameGraph();
    private final FlameGraph baseGraph = new FlameGraph();
    private final FlameGraph targetGraph = new FlameGraph();
    private final FlameLink link = new FlameLink(baseGraph, targetGraph);
    private final DiffTableView table;
    private final ToggleButton diffMode = new ToggleButton("Diff flame graph");
    private final ToggleButton sideMode = new ToggleButton("Side by side");
    private final ToggleButton linked = new ToggleButton("Linked");
    private final SearchBar search;
    private final TextField threads = new TextField();
    private final Label message = new Label();
    private final ObservableStringValue status;

    public ComparisonView(ComparisonViewModel vm) {
        this.vm = vm;
        this.status = Bindings.concat("Comparing ", vm.descriptionProperty());
        this.table = new DiffTableView(vm, diffGraph);
        diffGraph.searchProperty().bind(vm.diffSearchProperty());
        baseGraph.searchProperty().bind(vm.baseSearchProperty());
        targetGraph.searchProperty().bind(vm.targetSearchProperty());
        this.search = new SearchBar("compare-search", vm.search(), vm.diffSearchProperty(), shownMatchPosition(),
                () -> shownGraph().previousMatch(), () -> shownGraph().nextMatch());
        root.getStyleClass().add("comparison");
        root.getStylesheets().add(Objects.requireNonNull(ComparisonView.class.getResource("compare.css"))
                .toExternalForm());
        diffGraph.setId("compare-diff-flame");
        baseGraph.setId("compare-base-flame");
        targetGraph.setId("compare-target-flame");
        diffGraph.flameTreeProperty().bind(vm.diffFlameProperty());
        baseGraph.flameTreeProperty().bind(vm.baseFlameProperty());
        targetGraph.flameTreeProperty().bind(vm.targetFlameProperty());
        for (FlameGraph g : new FlameGraph[] {diffGraph, baseGraph, targetGraph}) {
            g.onFocusFrameProperty().set(vm.filters()::focusOn);
            g.onExcludeFrameProperty().set(vm.filters()::exclude);
        }

        banner.getStyleClass().addAll("warning-banner", "caveat-banner");
        banner.setId("compare-caveats");
        vm.caveats().addListener((ListChangeListener<String>) c -> fillBanner());
        fillBanner();

        Label compared = new Label();
        compared.setId("compare-description");
        compared.getStyleClass().add("compare-description");
        compared.textProperty().bind(vm.descriptionProperty());
        compared.setWrapText(true);
        compared.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(compared, Priority.ALWAYS);
        FrameFilterBar filters = new FrameFilterBar("compare", vm.filters());
        HBox scope = new HBox(8, viewChoice(), compared, filters.node());
        scope.setAlignment(Pos.CENTER_LEFT);
        scope.getStyleClass().add("compare-scope");
        VBox top = new VBox(banner, scope, toolBar());
        root.setTop(top);
        Node diffPane = diffPane();
        Node sidePane = sidePane();
        diffPane.visibleProperty().bind(diffMode.selectedProperty());
        sidePane.visibleProperty().bind(sideMode.selectedProperty());
        message.getStyleClass().add("compare-message");
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.textProperty().bind(vm.messageProperty());
        message.setMouseTransparent(true);
        root.setCenter(new StackPane(diffPane, sidePane, message));

        tab.setText(vm.title());
        tab.setTooltip(new Tooltip("Baseline: " + vm.base().label() + "\nTarget: " + vm.target().label()));
        tab.setContent(root);
        tab.setUserData(this);
        tab.setOnClosed(e -> vm.dispose());
    }

    private ToolBar toolBar() {
        ToggleGroup mode = new ToggleGroup();
        diffMode.setToggleGroup(mode);
        sideMode.setToggleGroup(mode);
        diffMode.setId("compare-mode-diff");
        sideMode.setId("compare-mode-side");
        diffMode.setSelected(true);
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            }
        });
        ChoiceBox<Normalization> normalization = new ChoiceBox<>();
        normalization.setId("compare-normalization");
        normalization.getItems().setAll(Normalization.SHARE, Normalization.RATE, Normalization.ABSOLUTE);
        normalization.setConverter(new StringConverter<>() {
            @Override
            public String toString(Normalization n) {
                return n == null ? "" : "Normalise " + DiffFlameTree.describe(n);
            }

            @Override
            public Normalization fromString(String s) {
                return null;
            }
        });
        normalization.valueProperty().bindBidirectional(vm.normalizationProperty());
        normalization.setTooltip(new Tooltip("Compare shares of each capture's total, rates per second of each"
                + " capture's duration, or raw weights"));
        threads.setId("compare-threads");
        threads.setPromptText("Thread names (regex)");
        threads.setTooltip(new Tooltip("Keep only threads whose name matches, in both captures (Enter)"));
        threads.setOnAction(e -> vm.threadFilterProperty().set(threads.getText()));
        linked.setId("compare-link");
        linked.setSelected(true);
        linked.selectedProperty().bindBidirectional(link.linkedProperty());
        linked.setTooltip(new Tooltip("Zoom and selection in one side apply to the other"));
        linked.disableProperty().bind(sideMode.selectedProperty().not());
        ToolBar bar = new ToolBar(diffMode, sideMode, normalization, search.node(), threads, linked);
        bar.getStyleClass().add("compare-toolbar");
        return bar;
    }

    /** Which view both recordings are compared in, among the views both have. */
    private ChoiceBox<ViewKind> viewChoice() {
        ChoiceBox<ViewKind> view = new ChoiceBox<>(vm.views());
        view.setId("compare-view");
        view.valueProperty().bindBidirectional(vm.viewProperty());
        view.setConverter(new StringConverter<>() {
            @Override
            public String toString(ViewKind v) {
                return v == null ? "" : v.title();
            }

            @Override
            public ViewKind fromString(String s) {
                return null;
            }
        });
        view.setTooltip(new Tooltip("The view both recordings are compared in (the views both have)"));
        return view;
    }

    /** The graph next/previous step through: the diff, or side by side the baseline (the target follows). */
    private FlameGraph shownGraph() {
        return sideMode.isSelected() ? baseGraph : diffGraph;
    }

    /** The place of the match stepped to in the graph the search steps through, whichever is shown. */
    private javafx.beans.value.ObservableValue<String> shownMatchPosition() {
        return Bindings.createStringBinding(() -> shownGraph().matchPositionProperty().get(),
                sideMode.selectedProperty(), diffGraph.matchPositionProperty(), baseGraph.matchPositionProperty());
    }

    private Node diffPane() {
        VBox graphBox = new VBox(diffGraph.breadcrumbBar(), diffGraph, diffGraph.legend());
        VBox.setVgrow(diffGraph, Priority.ALWAYS);
        graphBox.getStyleClass().add("compare-graph");
        SplitPane split = new SplitPane(graphBox, table.node());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        return split;
    }

    private Node sidePane() {
        SplitPane split = new SplitPane(side(baseGraph, "Baseline: " + vm.base().label()),
                side(targetGraph, "Target: " + vm.target().label()));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private static Node side(FlameGraph graph, String title) {
        Label label = new Label(title);
        label.getStyleClass().add("compare-side-title");
        label.setMaxWidth(Double.MAX_VALUE);
        Label legend = new Label("Hatched or dashed: only in this capture");
        legend.getStyleClass().add("compare-side-note");
        VBox box = new VBox(label, graph.breadcrumbBar(), graph, legend);
        VBox.setVgrow(graph, Priority.ALWAYS);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("compare-graph");
        return box;
    }

    private void fillBanner() {
        banner.getChildren().clear();
        for (String c : vm.caveats()) {
            FontIcon icon = new FontIcon("mdi2a-alert");
            icon.getStyleClass().add("icon");
            Label l = new Label("Hard to compare: " + c, icon);
            l.setWrapText(true);
            banner.getChildren().add(l);
        }
        banner.setVisible(!vm.caveats().isEmpty());
        banner.setManaged(!vm.caveats().isEmpty());
    }

    /** "Comparing CPU samples · Baseline a.jfr, whole recording (…) · Target b.jfr, …" for the status bar. */
    @Override
    public ObservableStringValue statusText() {
        return status;
    }

    public Tab tab() {
        return tab;
    }

    public ComparisonViewModel viewModel() {
        return vm;
    }

    public FlameGraph diffGraph() {
        return diffGraph;
    }

    public FlameGraph baseGraph() {
        return baseGraph;
    }

    public FlameGraph targetGraph() {
        return targetGraph;
    }

    public FlameLink link() {
        return link;
    }

    public DiffTableView table() {
        return table;
    }

    /** Shows the two captures next to each other (true) or the diff flame graph (false). */
    public void showSideBySide(boolean side) {
        (side ? sideMode : diffMode).setSelected(true);
    }

    /** Export ▸ writes the diff flame graph as shown (zoom, search), or the collapsed diff. */
    @Override
    public FlameGraph exportGraph() {
        return diffGraph;
    }

    @Override
    public String exportName() {
        return strip(vm.base().label()) + "-vs-" + strip(vm.target().label()) + "-" + vm.base().query().view().id();
    }

    private static String strip(String label) {
        return label.replaceFirst("\\.(jfr|jfr\\.gz|zip|gz)\\b.*$", "").replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    public BorderPane root() {
        return root;
    }
}
