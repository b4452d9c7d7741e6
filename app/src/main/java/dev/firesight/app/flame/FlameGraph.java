package dev.firesight.app.flame;

import dev.firesight.app.flame.model.CallFlameTree;
import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.model.FrameText;

import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.FrameSearch;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An interactive flame graph (or icicle graph) of a {@link CallTree}, drawn on one canvas by
 * {@link FlameGraphSkin}. The zoom is kept as a path of name ids, so it survives a new tree for another
 * view or time range. Search, method highlight, colour mode and orientation are plain properties.
 */
public class FlameGraph extends Control {
    public static final String STYLE_CLASS = "flame-graph";
    public static final String CANVAS_STYLE_CLASS = "flame-canvas";
    public static final String TOOLTIP_STYLE_CLASS = "flame-tooltip";
    public static final String BREADCRUMB_STYLE_CLASS = "flame-breadcrumb";
    public static final String LEGEND_STYLE_CLASS = "flame-legend";
    /** Set while zoomed below the root. */
    public static final PseudoClass ZOOMED = PseudoClass.getPseudoClass("zoomed");
    /** Set when the root is at the top. */
    public static final PseudoClass ICICLE = PseudoClass.getPseudoClass("icicle");
    /** Set while a search pattern is active. */
    public static final PseudoClass SEARCHING = PseudoClass.getPseudoClass("searching");
    /** Set when there is no tree or it is empty. */
    public static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private static final StyleablePropertyFactory<FlameGraph> CSS =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final ObjectProperty<CallTree> tree = new SimpleObjectProperty<>(this, "tree");
    private final ObjectProperty<FlameTree> flameTree = new SimpleObjectProperty<>(this, "flameTree");
    private final ObjectProperty<int[]> zoomPath = new SimpleObjectProperty<>(this, "zoomPath", new int[0]);
    private final ReadOnlyIntegerWrapper zoomNode = new ReadOnlyIntegerWrapper(this, "zoomNode", CallTree.ROOT);
    private final ReadOnlyObjectWrapper<CallTree> paintedTree = new ReadOnlyObjectWrapper<>(this, "paintedTree");
    private final ObjectProperty<FrameSearch> search = new SimpleObjectProperty<>(this, "search", FrameSearch.none());
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch", -1);
    /** "3 of 7" while stepping through the matches: the current one's place among this graph's; else empty. */
    private final javafx.beans.property.ReadOnlyStringWrapper matchPosition =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "matchPosition", "");
    private final IntegerProperty highlightedNameId = new SimpleIntegerProperty(this, "highlightedNameId", -1);
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);
    private final BooleanProperty icicle = new SimpleBooleanProperty(this, "icicle");
    private final ObjectProperty<ColorMode> colorMode = new SimpleObjectProperty<>(this, "colorMode", ColorMode.KIND);
    private final ObjectProperty<Consumer<String>> onExcludeFrame = new SimpleObjectProperty<>(this, "onExcludeFrame");
    private final ObjectProperty<Consumer<String>> onFocusFrame = new SimpleObjectProperty<>(this, "onFocusFrame");
    private final ObjectProperty<java.util.function.IntFunction<java.util.List<javafx.scene.control.MenuItem>>> frameMenuItems =
            new SimpleObjectProperty<>(this, "frameMenuItems");
    private final ObservableList<String> breadcrumb = FXCollections.observableArrayList();
    private final ObservableList<String> breadcrumbView = FXCollections.unmodifiableObservableList(breadcrumb);

    private final StyleableObjectProperty<Color> frameBackground =
            (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, "frameBackground", "-fs-flame-background", g -> g.frameBackground,
                    Color.WHITE);
    private final StyleableObjectProperty<Color> matchFill =
            (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, "matchFill", "-fs-match-fill", g -> g.matchFill,
                    Color.web(FrameColors.hex(FrameColors.MATCH)));
    private final StyleableObjectProperty<Color> highlightFill =
            (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, "highlightFill", "-fs-highlight-fill", g -> g.highlightFill,
                    Color.web("#2f8cff"));
    private final StyleableObjectProperty<Color> selectionStroke =
            (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, "selectionStroke", "-fs-selection-stroke", g -> g.selectionStroke,
                    Color.web("#202020"));
    private final StyleableObjectProperty<Color> hoverStroke =
            (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, "hoverStroke", "-fs-hover-stroke", g -> g.hoverStroke,
                    Color.web("#ffffff"));
    private final StyleableObjectProperty<Color> dimText =
            (StyleableObjectProperty<Color>) CSS.createStyleableColorProperty(this, "dimText", "-fs-dim-text", g -> g.dimText, Color.web("#707070"));

    private int matchIndex = -1;
    private Breadcrumb breadcrumbBar;
    private FlameLegend legend;
    private ChoiceBox<ColorMode> colorModeChoice;

    public FlameGraph() {
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        tree.addListener((o, a, b) -> {
            paintedTree.set(null); // not drawn yet; nor kept: a tree let go of (a retry's old profile) is freed
            flameTree.set(CallFlameTree.of(b));
        });
        flameTree.addListener((o, a, b) -> {
            resolveZoom();
            searchChanged();
            selectedNode.set(-1);
            pseudoClassStateChanged(EMPTY, b == null || b.total() == 0);
        });
        zoomPath.addListener((o, a, b) -> resolveZoom());
        search.addListener((o, a, b) -> searchChanged());
        icicle.addListener((o, a, b) -> pseudoClassStateChanged(ICICLE, b));
        pseudoClassStateChanged(EMPTY, true);
    }

    // ---- properties ----

    public final ObjectProperty<CallTree> treeProperty() {
        return tree;
    }

    public final CallTree getTree() {
        return tree.get();
    }

    public final void setTree(CallTree t) {
        tree.set(t);
    }

    /**
     * What the graph draws: the call tree's flame tree when {@link #treeProperty()} is set, or any other
     * flame tree (such as a diff of two captures) set directly, with the call tree left null.
     */
    public final ObjectProperty<FlameTree> flameTreeProperty() {
        return flameTree;
    }

    public final FlameTree getFlameTree() {
        return flameTree.get();
    }

    public final void setFlameTree(FlameTree t) {
        flameTree.set(t);
    }

    /** The zoomed frame as name ids from the root's child down; empty for no zoom. Never null. */
    public final ObjectProperty<int[]> zoomPathProperty() {
        return zoomPath;
    }

    public final int[] getZoomPath() {
        return zoomPath.get() == null ? new int[0] : zoomPath.get().clone();
    }

    public final void setZoomPath(int[] path) {
        zoomPath.set(path == null ? new int[0] : path.clone());
    }

    /**
     * The tree whose frames were drawn last: set in the layout pass that drew them, so the canvas shows them at
     * the end of that pulse, and null from a change of tree until it is drawn. A listener learns from it that a
     * tree is on screen, not only computed.
     */
    public final ReadOnlyObjectProperty<CallTree> paintedTreeProperty() {
        return paintedTree.getReadOnlyProperty();
    }

    void painted(CallTree t) {
        paintedTree.set(t);
    }

    /**
     * The node the zoom path leads to in the current tree: the node itself, or its deepest ancestor
     * still present when the path is gone from this tree.
     */
    public final ReadOnlyIntegerProperty zoomNodeProperty() {
        return zoomNode.getReadOnlyProperty();
    }

    public final int getZoomNode() {
        return zoomNode.get();
    }

    /**
     * The search to show, run off the FX thread on this graph's tree by whoever owns the graph; a search of
     * another tree (one the graph no longer shows) is ignored. Never null.
     */
    public final ObjectProperty<FrameSearch> searchProperty() {
        return search;
    }

    /** The node of the current search match, or -1. */
    public final ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    /** Where the current match stands among this graph's matches, "3 of 7", or "" before Enter is pressed. */
    public final javafx.beans.property.ReadOnlyStringProperty matchPositionProperty() {
        return matchPosition.getReadOnlyProperty();
    }

    /** A frame name id (as in {@link CallTree#nameId}) whose frames are all highlighted; -1 for none. */
    public final IntegerProperty highlightedNameIdProperty() {
        return highlightedNameId;
    }

    /** The frame the keyboard moves and the context menu acts on; -1 for none. */
    public final IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    public final BooleanProperty icicleProperty() {
        return icicle;
    }

    public final ObjectProperty<ColorMode> colorModeProperty() {
        return colorMode;
    }

    /** Called with a frame's full name when the user asks to exclude it. */
    public final ObjectProperty<Consumer<String>> onExcludeFrameProperty() {
        return onExcludeFrame;
    }

    /** Called with a frame's full name when the user asks to keep only stacks through it. */
    public final ObjectProperty<Consumer<String>> onFocusFrameProperty() {
        return onFocusFrame;
    }

    /**
     * More items for a frame's context menu, made for the frame's node by whoever places the graph (the
     * recording tab's transforms and sandwich); null for none.
     */
    public final ObjectProperty<java.util.function.IntFunction<java.util.List<javafx.scene.control.MenuItem>>>
            frameMenuItemsProperty() {
        return frameMenuItems;
    }

    /** Names from "all" down to the zoomed frame, read-only. */
    public final ObservableList<String> breadcrumb() {
        return breadcrumbView;
    }

    /** A node showing the breadcrumb with clickable ancestors and a reset button, for the window to place. */
    public final Breadcrumb breadcrumbBar() {
        if (breadcrumbBar == null) {
            breadcrumbBar = new Breadcrumb(this);
        }
        return breadcrumbBar;
    }

    /** A node explaining the colours of the current mode, for the window to place. */
    public final FlameLegend legend() {
        if (legend == null) {
            legend = new FlameLegend(this);
        }
        return legend;
    }

    /** A control choosing the colour mode, for the window to place beside the legend. */
    public final ChoiceBox<ColorMode> colorModeChoice() {
        if (colorModeChoice == null) {
            colorModeChoice = new ChoiceBox<>(FXCollections.observableArrayList(ColorMode.values()));
            colorModeChoice.getStyleClass().add("color-mode");
            colorModeChoice.valueProperty().bindBidirectional(colorMode);
            colorModeChoice.setConverter(new StringConverter<>() {
                @Override
                public String toString(ColorMode m) {
                    return m == null ? "" : "Colour: " + m.label();
                }

                @Override
                public ColorMode fromString(String s) {
                    return null;
                }
            });
            colorModeChoice.setTooltip(new Tooltip("Colour frames by the kind of code or by Java package"));
        }
        return colorModeChoice;
    }

    public final StyleableObjectProperty<Color> frameBackgroundProperty() {
        return frameBackground;
    }

    public final StyleableObjectProperty<Color> matchFillProperty() {
        return matchFill;
    }

    public final StyleableObjectProperty<Color> highlightFillProperty() {
        return highlightFill;
    }

    public final StyleableObjectProperty<Color> selectionStrokeProperty() {
        return selectionStroke;
    }

    public final StyleableObjectProperty<Color> hoverStrokeProperty() {
        return hoverStroke;
    }

    public final StyleableObjectProperty<Color> dimTextProperty() {
        return dimText;
    }

    // ---- actions ----

    /** Zooms so {@code node} of the current tree spans the full width. */
    public void zoomTo(int node) {
        FlameTree t = flameTree.get();
        if (t == null || node < 0 || node >= t.size()) {
            return;
        }
        zoomPath.set(t.pathIds(node));
    }

    public void resetZoom() {
        zoomPath.set(new int[0]);
    }

    /** Moves the current-match marker to the next match, heaviest first, zooming and scrolling to it. */
    public void nextMatch() {
        stepMatch(1);
    }

    public void previousMatch() {
        stepMatch(-1);
    }

    private void stepMatch(int step) {
        FrameSearch searchState = searchState();
        int n = searchState.matchCount();
        if (n == 0) {
            return;
        }
        matchIndex = matchIndex < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(matchIndex + step, n);
        int node = searchState.match(matchIndex);
        if (!isInZoom(node)) {
            zoomTo(flameTree.get().parent(node) > FlameTree.ROOT ? flameTree.get().parent(node) : node);
        }
        selectedNode.set(node);
        currentMatch.set(node);
        matchPosition.set(String.format(java.util.Locale.ROOT, "%,d of %,d", matchIndex + 1, n));
    }

    /** True when a node is the zoomed node, one of its ancestors or one of its descendants. */
    public boolean isInZoom(int node) {
        FlameTree t = flameTree.get();
        int z = zoomNode.get();
        if (t == null || node < 0) {
            return false;
        }
        for (int a = node; a != CallTree.NONE; a = t.parent(a)) {
            if (a == z) {
                return true;
            }
        }
        for (int a = z; a != CallTree.NONE; a = t.parent(a)) {
            if (a == node) {
                return true;
            }
        }
        return false;
    }

    /** The search of the tree shown, shared with the skin and exporters; none while it is for another tree. */
    public FrameSearch searchState() {
        FrameSearch s = search.get();
        return s != null && s.isFor(flameTree.get()) ? s : FrameSearch.none();
    }

    // ---- text for tooltip and clipboard ----

    /** The hover text of a node: name, kind, line, library, total and self with percentages. */
    public String describe(int node) {
        FlameTree t = flameTree.get();
        return t == null || node < 0 || node >= t.size() ? "" : t.describe(node);
    }

    /** The frames from the root's child down to {@code node}, one per line. */
    public String stackText(int node) {
        FlameTree t = flameTree.get();
        if (t == null || node <= CallTree.ROOT) {
            return "";
        }
        return String.join("\n", t.path(node));
    }

    // ---- internals ----

    private void resolveZoom() {
        FlameTree t = flameTree.get();
        int[] path = zoomPath.get() == null ? new int[0] : zoomPath.get();
        int node = CallTree.ROOT;
        List<String> names = new ArrayList<>();
        names.add("all");
        if (t != null) {
            for (int id : path) {
                int c = t.child(node, id);
                if (c == FlameTree.NONE) {
                    break;
                }
                node = c;
                names.add(FrameText.display(t.name(node)));
            }
        }
        zoomNode.set(node);
        pseudoClassStateChanged(ZOOMED, node != CallTree.ROOT);
        if (!breadcrumb.equals(names)) {
            breadcrumb.setAll(names);
        }
    }

    private void searchChanged() {
        matchIndex = -1;
        currentMatch.set(-1);
        matchPosition.set("");
        pseudoClassStateChanged(SEARCHING, !searchState().isEmpty());
    }

    static boolean samePath(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlameGraphSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return FlameGraph.class.getResource("flame.css").toExternalForm();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
