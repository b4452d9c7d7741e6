package dev.firesight.app.controls;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The text a canvas control (flame graph, timeline) shows beside the pointer. It places itself inside its
 * owner, and hides not only when the pointer leaves the owner but whenever the pointer may have gone without
 * the owner seeing it leave, or what lies under it changed: the window losing focus (another application, a
 * popup) or closing, the owner leaving its scene, a key press or a wheel turn. It comes back with the next mouse move.
 */
public final class HoverLabel extends Label {
    private static final double GAP = 14;

    private final Region owner;

    private final EventHandler<KeyEvent> keyPressed = e -> hide();
    /** Listens to the window's focus and showing: losing either hides the label. */
    private final ChangeListener<Boolean> windowFocus = (o, was, focused) -> {
        if (!focused) {
            hide();
        }
    };
    private final ChangeListener<Window> windowChanged = (o, old, window) -> {
        hide();
        follow(old, window);
    };

    public HoverLabel(Region owner, String styleClass) {
        this.owner = owner;
        getStyleClass().add(styleClass);
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
        owner.addEventFilter(MouseEvent.MOUSE_EXITED, e -> hide());
        owner.addEventFilter(ScrollEvent.SCROLL, e -> hide());
        owner.sceneProperty().addListener((o, old, scene) -> {
            hide();
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
                old.windowProperty().removeListener(windowChanged);
                follow(old.getWindow(), null);
            }
            follow(scene);
        });
        follow(owner.getScene());
    }

    private void follow(Scene scene) {
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
            scene.windowProperty().addListener(windowChanged);
            follow(null, scene.getWindow());
        }
    }

    private void follow(Window old, Window window) {
        if (old != null) {
            old.focusedProperty().removeListener(windowFocus);
            old.showingProperty().removeListener(windowFocus);
        }
        if (window != null) {
            window.focusedProperty().addListener(windowFocus);
            window.showingProperty().addListener(windowFocus);
        }
    }

    /**
     * Shows {@code text} beside the point (x, y) of the owner, flipped to the other side where it would not fit, and
     * wrapped to the owner's width: within the part of the owner that is on screen, since an owner that scrolls (the
     * timeline's lanes) showed a label cut by its viewport, and a sentence wider than the owner ran off its end.
     */
    public void show(String text, double x, double y) {
        javafx.geometry.Rectangle2D room = visible();
        setText(text);
        setWrapText(true);
        setMaxWidth(Math.max(100, room.getWidth() - 2 * GAP));
        setVisible(true);
        double w = Math.min(prefWidth(-1), getMaxWidth());
        double h = prefHeight(w);
        resize(w, h);
        double tx = x + GAP + w > room.getMaxX() ? x - GAP / 2 - w : x + GAP;
        double ty = y + GAP + h > room.getMaxY() ? y - GAP / 2 - h : y + GAP;
        relocate(Math.max(room.getMinX(), Math.min(tx, room.getMaxX() - w)),
                Math.max(room.getMinY(), Math.min(ty, room.getMaxY() - h)));
        toFront();
    }

    /** The part of the owner on screen, in its coordinates: its viewport's when it is a scroll pane's content. */
    private javafx.geometry.Rectangle2D visible() {
        for (javafx.scene.Node n = owner.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane pane && pane.getContent() == owner) {
                javafx.geometry.Bounds viewport = pane.getViewportBounds();
                if (viewport.getWidth() > 0 && viewport.getHeight() > 0) {
                    return new javafx.geometry.Rectangle2D(-viewport.getMinX(), -viewport.getMinY(), viewport.getWidth(),
                            viewport.getHeight());
                }
            }
        }
        return new javafx.geometry.Rectangle2D(0, 0, Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
    }

    public void hide() {
        setVisible(false);
    }
}
