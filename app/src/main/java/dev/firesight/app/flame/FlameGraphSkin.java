package dev.firesight.app.flame;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SkinBase;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default skin of {@link FlameGraph}: one canvas, a vertical scroll bar for deep trees, and a
 * tooltip label that follows the mouse. Layouts are cached per (tree, zoom node, minimum width); a hover
 * only repaints.
 */
public class FlameGraphSkin extends SkinBase<FlameGraph> {
    private static final int CACHE_SIZE = 8;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label tooltip = new Label();
    private final ContextMenu menu = new ContextMenu();
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

    public FlameGraphSkin(FlameGraph graph) {
        super(graph);
        canvas.getStyleClass().add(FlameGraph.CANVAS_STYLE_CLASS);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setVisible(false);
        tooltip.getStyleClass().add(FlameGraph.TOOLTIP_STYLE_CLASS);
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
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

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(nodeAt(e.getX(), e.getY()), e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, 0, 0));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::contextMenu);
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollTo(top + (getSkinnable().icicleProperty().get() ? -e.getDeltaY() : e.getDeltaY()));
            e.consume();
        });
        graph.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
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
        if (resetScroll) {
            top = g.icicleProperty().get() ? 0 : max;
            resetScroll = false;
        }
        top = Math.max(0, Math.min(max, top));
        syncScrollBar(max, h);
        painter.paint(canvas.getGraphicsContext2D(), l, state());
        paintedLayout = l;
        paintedWidth = canvas.getWidth();
        paintedHeight = h;
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
        tooltip.setText(getSkinnable().describe(node));
        tooltip.setVisible(true);
        tooltip.autosize();
        double w = tooltip.prefWidth(-1);
        double h = tooltip.prefHeight(w);
        tooltip.resize(w, h);
        double tx = x + 14 + w > canvas.getWidth() ? Math.max(0, x - 8 - w) : x + 14;
        double ty = y + 18 + h > canvas.getHeight() ? Math.max(0, y - 8 - h) : y + 18;
        tooltip.relocate(tx, ty);
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

    private FlameLayout ensureLayout() {
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

    private void hideTooltip() {
        tooltip.setVisible(false);
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

    private void scrollTo(double newTop) {
        top = newTop;
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

    private void click(MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
            // Platforms (and Monocle) that send no context-menu request for a right click.
            showMenu(nodeAt(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        FlameGraph g = getSkinnable();
        g.requestFocus();
        int node = nodeAt(e.getX(), e.getY());
        if (node < 0) {
            return;
        }
        g.selectedNodeProperty().set(node);
        zoom(node);
    }

    private void zoom(int node) {
        if (node == FlameTree.ROOT) {
            getSkinnable().resetZoom();
        } else {
            getSkinnable().zoomTo(node);
        }
    }

    private void contextMenu(ContextMenuEvent e) {
        FlameGraph g = getSkinnable();
        int node = e.isKeyboardTrigger() ? g.selectedNodeProperty().get() : nodeAt(e.getX(), e.getY());
        if (showMenu(node, e.getScreenX(), e.getScreenY())) {
            e.consume();
        }
    }

    private boolean showMenu(int node, double screenX, double screenY) {
        FlameGraph g = getSkinnable();
        if (node < 0 || g.getFlameTree() == null) {
            return false;
        }
        g.selectedNodeProperty().set(node);
        String name = g.getFlameTree().name(node);
        boolean frame = node != FlameTree.ROOT;
        MenuItem copyName = item("Copy frame name", true, () -> copy(name));
        MenuItem copyStack = item("Copy stack", frame, () -> copy(g.stackText(node)));
        MenuItem zoom = item("Zoom to frame", true, () -> zoom(node));
        MenuItem focus = item("Focus on frame (filter)", frame && g.onFocusFrameProperty().get() != null,
                () -> g.onFocusFrameProperty().get().accept(name));
        MenuItem exclude = item("Exclude frame", frame && g.onExcludeFrameProperty().get() != null,
                () -> g.onExcludeFrameProperty().get().accept(name));
        menu.getItems().setAll(copyName, copyStack, new SeparatorMenuItem(), zoom, focus, exclude);
        hideTooltip();
        menu.show(canvas, screenX, screenY);
        return true;
    }

    private static MenuItem item(String text, boolean enabled, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setDisable(!enabled);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void key(KeyEvent e) {
        FlameGraph g = getSkinnable();
        FlameTree tree = g.getFlameTree();
        FlameLayout l = ensureLayout();
        if (tree == null || l == null) {
            return;
        }
        int sel = g.selectedNodeProperty().get();
        int index = sel < 0 ? -1 : l.indexOf(sel);
        boolean icicle = g.icicleProperty().get();
        int next = -2;
        switch (e.getCode()) {
            case UP:
                next = index < 0 ? g.getZoomNode() : icicle ? tree.parent(sel) : widestChild(l, tree, sel);
                break;
            case DOWN:
                next = index < 0 ? g.getZoomNode() : icicle ? widestChild(l, tree, sel) : tree.parent(sel);
                break;
            case LEFT:
                next = index < 0 ? g.getZoomNode() : index > l.rowStart(l.depth(index)) ? l.node(index - 1) : sel;
                break;
            case RIGHT:
                next = index < 0 ? g.getZoomNode() : index + 1 < l.rowEnd(l.depth(index)) ? l.node(index + 1) : sel;
                break;
            case ENTER:
                if (sel >= 0) {
                    zoom(sel);
                }
                e.consume();
                return;
            case ESCAPE:
                g.resetZoom();
                e.consume();
                return;
            case C:
                if (e.isShortcutDown() && sel >= 0) {
                    copy(tree.name(sel));
                    e.consume();
                }
                return;
            default:
                return;
        }
        if (next >= 0) {
            g.selectedNodeProperty().set(next);
        }
        e.consume();
    }

    private static int widestChild(FlameLayout l, FlameTree tree, int node) {
        int best = node;
        double bestTotal = -1;
        for (int c = tree.firstChild(node); c != FlameTree.NONE; c = tree.nextSibling(c)) {
            if (tree.weight(c) > bestTotal && l.indexOf(c) >= 0) {
                best = c;
                bestTotal = tree.weight(c);
            }
        }
        return best;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double bar = scrollBar.isVisible() ? scrollBar.prefWidth(-1) : 0;
        double cw = Math.max(0, w - bar);
        if (canvas.getWidth() != cw || canvas.getHeight() != h) {
            canvas.setWidth(cw);
            canvas.setHeight(h);
            dirty = true;
        }
        canvas.relocate(x, y);
        if (scrollBar.isVisible()) {
            scrollBar.resizeRelocate(x + cw, y, bar, h);
        }
        if (dirty) {
            repaint();
        }
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
