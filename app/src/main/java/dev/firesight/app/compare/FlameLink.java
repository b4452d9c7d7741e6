package dev.firesight.app.compare;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.parser.query.HiddenClassNames;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Links the navigation of two flame graphs of different captures: zooming or selecting a frame in one
 * does the same in the other while {@link #linkedProperty()} is true (both already share one search,
 * see {@link ComparisonViewModel#search()}). Frames are matched by their path of names, since the two trees number names differently; when the other tree
 * lacks the frame it zooms to the deepest ancestor it has.
 */
public final class FlameLink {
    private final FlameGraph left;
    private final FlameGraph right;
    private final BooleanProperty linked = new SimpleBooleanProperty(this, "linked", true);
    private boolean syncing;

    public FlameLink(FlameGraph left, FlameGraph right) {
        this.left = left;
        this.right = right;
        wire(left, right);
        wire(right, left);
        linked.addListener((o, a, b) -> {
            if (b) {
                follow(left, right);
            }
        });
    }

    private void wire(FlameGraph from, FlameGraph to) {
        from.zoomPathProperty().addListener((o, a, b) -> follow(from, to));
        from.flameTreeProperty().addListener((o, a, b) -> follow(to, from));
        from.selectedNodeProperty().addListener((o, a, b) -> {
            if (!linked.get() || syncing || from.getFlameTree() == null || to.getFlameTree() == null) {
                return;
            }
            syncing = true;
            try {
                int node = b.intValue();
                to.selectedNodeProperty().set(node < 0 ? -1 : same(from.getFlameTree(), node, to.getFlameTree()));
            } finally {
                syncing = false;
            }
        });
    }

    /** Zooms {@code to} to the frame {@code from} is zoomed to, or its deepest ancestor there. */
    private void follow(FlameGraph from, FlameGraph to) {
        if (!linked.get() || syncing || from.getFlameTree() == null || to.getFlameTree() == null) {
            return;
        }
        syncing = true;
        try {
            FlameTree target = to.getFlameTree();
            to.setZoomPath(target.pathIds(same(from.getFlameTree(), from.getZoomNode(), target)));
        } finally {
            syncing = false;
        }
    }

    /**
     * The node of {@code other} on the same path of names as {@code node}, or its deepest ancestor there.
     * Names are compared with hidden-class suffixes normalised ({@code Foo$$Lambda$14/0x..} and
     * {@code Foo$$Lambda$15/0x..} are one frame), as the diff does, since each JVM numbers them anew.
     */
    static int same(FlameTree tree, int node, FlameTree other) {
        String[] path = tree.path(node);
        int at = FlameTree.ROOT;
        for (String name : path) {
            String wanted = HiddenClassNames.normalize(name);
            int next = FlameTree.NONE;
            for (int c = other.firstChild(at); c != FlameTree.NONE; c = other.nextSibling(c)) {
                String n = other.name(c);
                if (n.equals(name) || HiddenClassNames.normalize(n).equals(wanted)) {
                    next = c;
                    break;
                }
            }
            if (next == FlameTree.NONE) {
                break;
            }
            at = next;
        }
        return at;
    }

    /** While true, navigation in one graph applies to the other. */
    public BooleanProperty linkedProperty() {
        return linked;
    }

    public FlameGraph left() {
        return left;
    }

    public FlameGraph right() {
        return right;
    }
}
