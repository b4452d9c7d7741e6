package dev.firesight.app.flame;

import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.model.FlameTree;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * What the mouse and keys do to a {@link FlameGraph}, apart from how it is drawn: hover shows a frame's
 * tooltip, a click selects and zooms, the wheel scrolls, right-click (or the menu key) opens the frame's
 * menu, and the arrows, Enter, Esc and Ctrl+C move, zoom, reset and copy. The skin draws; this decides.
 */
final class FlameGraphBehavior {
    private final FlameGraph graph;
    private final FlameGraphSkin skin;
    private final Canvas canvas;
    private final ContextMenu menu = new ContextMenu();
    /** Takes each handler off again. */
    private final List<Runnable> removals = new ArrayList<>();

    FlameGraphBehavior(FlameGraph graph, FlameGraphSkin skin, Canvas canvas) {
        this.graph = graph;
        this.skin = skin;
        this.canvas = canvas;
        on(canvas, MouseEvent.MOUSE_MOVED, e -> skin.hover(skin.nodeAt(e.getX(), e.getY()), e.getX(), e.getY()));
        on(canvas, MouseEvent.MOUSE_EXITED, e -> skin.hover(-1, 0, 0));
        on(canvas, MouseEvent.MOUSE_CLICKED, this::click);
        on(canvas, ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::contextMenu);
        on(canvas, ScrollEvent.SCROLL, e -> {
            skin.scrollBy(e.getDeltaY());
            e.consume();
        });
        on(graph, KeyEvent.KEY_PRESSED, this::key);
    }

    private <E extends Event> void on(Node node, EventType<E> type, EventHandler<? super E> handler) {
        node.addEventHandler(type, handler);
        removals.add(() -> node.removeEventHandler(type, handler));
    }

    /** Takes the handlers off again, when the skin is replaced. */
    void dispose() {
        removals.forEach(Runnable::run);
        removals.clear();
    }

    private void click(MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY && !menu.isShowing()) {
            // Platforms (and Monocle) that send no context-menu request for a right click.
            showMenu(skin.nodeAt(e.getX(), e.getY()), e.getScreenX(), e.getScreenY());
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        FlameGraph g = graph;
        g.requestFocus();
        int node = skin.nodeAt(e.getX(), e.getY());
        if (node < 0) {
            return;
        }
        g.selectedNodeProperty().set(node);
        zoom(node);
    }

    private void zoom(int node) {
        if (node == FlameTree.ROOT) {
            graph.resetZoom();
        } else {
            graph.zoomTo(node);
        }
    }

    private void contextMenu(ContextMenuEvent e) {
        FlameGraph g = graph;
        int node = e.isKeyboardTrigger() ? g.selectedNodeProperty().get() : skin.nodeAt(e.getX(), e.getY());
        if (showMenu(node, e.getScreenX(), e.getScreenY())) {
            e.consume();
        }
    }

    private boolean showMenu(int node, double screenX, double screenY) {
        FlameGraph g = graph;
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
        if (frame && g.frameMenuItemsProperty().get() != null) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(g.frameMenuItemsProperty().get().apply(node));
        }
        skin.hideTooltip();
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
        FlameGraph g = graph;
        FlameTree tree = g.getFlameTree();
        FlameLayout l = skin.ensureLayout();
        if (tree == null || l == null) {
            return;
        }
        if (e.isAltDown()) {
            return; // the window's (Alt+Left is Back), not frame navigation
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
}
