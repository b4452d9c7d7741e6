package dev.firesight.app.flame;

import dev.firesight.app.controls.HoverLabel;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.tasks.AppEvents;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default skin of {@link FlameGraph}: one canvas, a vertical scroll bar for deep trees, and a
 * tooltip label that follows the mouse. Layouts are cached per (tree, zoom node, minimum width); a hover
 * only repaints. What the mouse and keys do is {@link FlameGraphBehavior}'s.
 */
public class FlameGraphSkin extends SkinBase<FlameGraph> {
    private static final int CACHE_SIZE = 8;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final HoverLabel tooltip;
    private final FlameCanvasPainter painter = new FlameCanvasPainter();
    private final Map<String, FlameLayout> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FlameLayout> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private FlameTree cachedTree;
    private FlameLayout layout;
    private int hovered = -1;
    private double top;
    private boolean resetScroll = true;
    private FlameLayout paintedLayout;
    private double paintedWidth;
    private double paintedHeight;
    private boolean dirty = true;
    private boolean adjusting;
    private final FlameGraphBehavior behavior;

    public FlameGraphSkin(FlameGraph graph) {
        super(graph);
        canvas.getStyleClass().add(FlameGraph.CANVAS_STYLE_CLASS);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setVisible(false);
        tooltip = new HoverLabel(graph, FlameGraph.TOOLTIP_STYLE_CLASS);
        getChildren().addAll(canvas, scrollBar, tooltip);

        registerChangeListener(graph.flameTreeProperty(), e -> {
            hovered = -1;
            hideTooltip();
            resetScroll = true;
            markDirty();
        });
        registerChangeListener(graph.zoomNodeProperty(), e -> {
            resetScroll = true;
            markDirty();
        });
        registerChangeListener(graph.icicleProperty(), e -> {
            resetScroll = true;
            markDirty();
        });
        Consumer<ObservableValue<?>> repaint = e -> markDirty();
        registerChangeListener(graph.searchProperty(), repaint);
        registerChangeListener(graph.highlightedNameIdProperty(), repaint);
        registerChangeListener(graph.colorModeProperty(), repaint);
        registerChangeListener(graph.frameBackgroundProperty(), repaint);
        registerChangeListener(graph.matchFillProperty(), repaint);
        registerChangeListener(graph.highlightFillProperty(), repaint);
        registerChangeListener(graph.selectionStrokeProperty(), repaint);
        registerChangeListener(graph.hoverStrokeProperty(), repaint);
        registerChangeListener(graph.selectedNodeProperty(), e -> {
            revealSelected();
            markDirty();
        });
        registerChangeListener(graph.currentMatchProperty(), repaint);
        scrollBar.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) {
                top = b.doubleValue();
                repaint();
            }
        });

        behavior = new FlameGraphBehavior(graph, this, canvas);
    }

    @Override
    public void dispose() {
        behavior.dispose();
        super.dispose();
    }

    /** The layout the last paint used, or null. */
    public FlameLayout currentLayout() {
        return layout;
    }

    /** The tree node under the mouse, or -1. */
    public int hoveredNode() {
        return hovered;
    }

    /** How many frame rectangles the last paint drew. */
    public int framesDrawn() {
        return painter.framesDrawn();
    }

    /** Draws the canvas now, laying out first when the tree, zoom or width changed. */
    public void repaint() {
        dirty = false;
        FlameGraph g = getSkinnable();
        FlameLayout l = ensureLayout();
        double h = canvas.getHeight();
        double contentHeight = l == null ? h : Math.max(h, l.rows() * FlameCanvasPainter.ROW_HEIGHT);
        double max = Math.max(0, contentHeight - h);
        if (resetScroll && h > 0) {
            top = l == null ? 0 : openingTop(l, h, contentHeight, max, g.icicleProperty().get());
            resetScroll = false;
        }
        top = Math.max(0, Math.min(max, top));
        syncScrollBar(max, h);
        painter.paint(canvas.getGraphicsContext2D(), l, state());
        if (l != null && l != paintedLayout && painter.framesDrawn() > 0) {
            // Said from the layout pass that drew the frames: the canvas shows them at the end of this pulse.
            if (AppEvents.enabled()) {
                AppEvents.event("flame painted " + (g.getId() == null ? "unnamed" : g.getId()) + " frames="
                        + painter.framesDrawn());
            }
            g.painted(g.getTree());
        }
        paintedLayout = l;
        paintedWidth = canvas.getWidth();
        paintedHeight = h;
    }

    /**
     * Share of the shown width a frame must have to count as wide when choosing where to scroll on open: a
     * twentieth is still easy to read and click, and marks where the weight of a deep tree is.
     */
    static final double WIDE = 0.05;

    /**
     * Where a new tree or zoom opens: the root's rows in view when that also shows the deepest row with a
     * wide frame; otherwise scrolled towards the leaves so that row is in view with two rows beyond it, since
     * a deep tree's rows near the root are the same full-width frames and its top is mostly empty space.
     * Zoomed, the zoomed frame's own row stays in view.
     */
    static double openingTop(FlameLayout l, double h, double contentHeight, double max, boolean icicle) {
        int deepest = deepestWideRow(l, WIDE);
        double rowY = FlameLayout.rowTop(deepest, FlameCanvasPainter.ROW_HEIGHT, contentHeight, icicle);
        double margin = 2 * FlameCanvasPainter.ROW_HEIGHT;
        double t = icicle ? rowY + FlameCanvasPainter.ROW_HEIGHT + margin - h : rowY - margin;
        if (l.zoomNode() == FlameTree.ROOT) {
            return Math.max(0, Math.min(max, t));
        }
        // The frame zoomed to stays in view, whatever lies deeper.
        double zoomY = FlameLayout.rowTop(l.tree().depth(l.zoomNode()), FlameCanvasPainter.ROW_HEIGHT,
                contentHeight, icicle);
        t = icicle ? Math.min(t, zoomY) : Math.max(t, zoomY + FlameCanvasPainter.ROW_HEIGHT - h);
        return Math.max(0, Math.min(max, t));
    }

    /** The deepest row of a layout holding a frame at least {@code share} of the full (zoomed) width. */
    static int deepestWideRow(FlameLayout l, double share) {
        for (int d = l.rows() - 1; d > 0; d--) {
            for (int i = l.rowStart(d); i < l.rowEnd(d); i++) {
                if (l.width(i) >= share) {
                    return d;
                }
            }
        }
        return 0;
    }

    private FlameCanvasPainter.State state() {
        FlameGraph g = getSkinnable();
        return new FlameCanvasPainter.State(canvas.getWidth(), canvas.getHeight(), top,
                scale(), g.icicleProperty().get(), g.colorModeProperty().get(), g.searchState(),
                g.highlightedNameIdProperty().get(), hovered, g.selectedNodeProperty().get(),
                g.currentMatchProperty().get(), g.frameBackgroundProperty().get(), g.matchFillProperty().get(),
                g.highlightFillProperty().get(), g.selectionStrokeProperty().get(), g.hoverStrokeProperty().get(),
                g.dimTextProperty().get());
    }

    /** Sets the hovered node as the mouse would, and repaints. */
    public void hover(int node, double x, double y) {
        if (node != hovered) {
            int old = hovered;
            hovered = node;
            if (dirty || layout == null || layout != paintedLayout || canvas.getWidth() != paintedWidth
                    || canvas.getHeight() != paintedHeight) {
                repaint();
            } else {
                // Only the strips around the old and new hovered frames change.
                FlameCanvasPainter.State s = state();
                painter.repaintAround(canvas.getGraphicsContext2D(), layout, s, layout.indexOf(old));
                painter.repaintAround(canvas.getGraphicsContext2D(), layout, s, layout.indexOf(node));
            }
        }
        if (node < 0) {
            hideTooltip();
            return;
        }
        tooltip.show(getSkinnable().describe(node), x, y);
    }

    /** The tree node at a canvas point, or -1. */
    public int nodeAt(double x, double y) {
        FlameLayout l = layout;
        if (l == null || canvas.getWidth() <= 0) {
            return -1;
        }
        double contentHeight = Math.max(canvas.getHeight(), l.rows() * FlameCanvasPainter.ROW_HEIGHT);
        int depth = FlameLayout.rowAt(y + top, FlameCanvasPainter.ROW_HEIGHT, contentHeight,
                getSkinnable().icicleProperty().get());
        int i = l.frameAt(x / canvas.getWidth(), depth);
        return i < 0 ? -1 : l.node(i);
    }

    FlameLayout ensureLayout() {
        FlameGraph g = getSkinnable();
        FlameTree tree = g.getFlameTree();
        if (tree != cachedTree) {
            cache.clear();
            cachedTree = tree;
        }
        if (tree == null) {
            layout = null;
            return null;
        }
        double pixels = Math.max(1, canvas.getWidth() * scale());
        double minWidth = 0.5 / pixels;
        String key = g.getZoomNode() + "/" + minWidth;
        layout = cache.computeIfAbsent(key, k -> FlameLayout.compute(tree, g.getZoomNode(), minWidth));
        return layout;
    }

    private double scale() {
        Window w = canvas.getScene() == null ? null : canvas.getScene().getWindow();
        return w == null || w.getRenderScaleX() <= 0 ? 1 : w.getRenderScaleX();
    }

    private void markDirty() {
        dirty = true;
        getSkinnable().requestLayout();
    }

    void hideTooltip() {
        tooltip.hide();
    }

    private void syncScrollBar(double max, double visible) {
        adjusting = true;
        try {
            boolean show = max > 0;
            if (scrollBar.isVisible() != show) {
                scrollBar.setVisible(show);
                getSkinnable().requestLayout();
            }
            scrollBar.setMin(0);
            scrollBar.setMax(max);
            scrollBar.setVisibleAmount(max == 0 ? 1 : visible * max / (max + visible));
            scrollBar.setUnitIncrement(FlameCanvasPainter.ROW_HEIGHT);
            scrollBar.setBlockIncrement(visible * 0.9);
            scrollBar.setValue(top);
        } finally {
            adjusting = false;
        }
    }

    /**
     * Scrolls by a mouse wheel's {@code deltaY}: a positive delta (wheel away from the user) shows what is
     * above, as dragging the scroll bar's thumb up does, whichever way up the graph is drawn.
     */
    void scrollBy(double deltaY) {
        top -= deltaY;
        repaint();
    }

    /** Scrolls so the selected frame's row is in view. */
    private void revealSelected() {
        FlameGraph g = getSkinnable();
        FlameTree tree = g.getFlameTree();
        int node = g.selectedNodeProperty().get();
        FlameLayout l = ensureLayout();
        if (tree == null || l == null || node < 0 || node >= tree.size() || resetScroll) {
            return;
        }
        double h = canvas.getHeight();
        double contentHeight = Math.max(h, l.rows() * FlameCanvasPainter.ROW_HEIGHT);
        double y = FlameLayout.rowTop(tree.depth(node), FlameCanvasPainter.ROW_HEIGHT, contentHeight,
                g.icicleProperty().get());
        if (y < top) {
            top = y;
        } else if (y + FlameCanvasPainter.ROW_HEIGHT > top + h) {
            top = y + FlameCanvasPainter.ROW_HEIGHT - h;
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // Painting decides whether the scroll bar shows, which changes the canvas width: settle that here,
        // in this pass. A layout request made while laying out is dropped, which left a scroll bar that
        // appeared on the first paint unplaced, drawn at its preferred size over the top-left frames.
        for (int pass = 0; pass < 2; pass++) {
            boolean barShown = scrollBar.isVisible();
            double cw = Math.max(0, w - (barShown ? scrollBar.prefWidth(-1) : 0));
            if (canvas.getWidth() != cw || canvas.getHeight() != h) {
                canvas.setWidth(cw);
                canvas.setHeight(h);
                dirty = true;
            }
            if (dirty) {
                repaint();
            }
            if (scrollBar.isVisible() == barShown) {
                break;
            }
        }
        double bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
        canvas.relocate(x, y);
        scrollBar.resizeRelocate(x + canvas.getWidth(), y, bar, h);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 50;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 2 * FlameCanvasPainter.ROW_HEIGHT;
    }

}
