package dev.firesight.app.flame.model;

import dev.firesight.app.format.Units;
import dev.firesight.parser.FrameKind;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;

/** The hover text of a frame, shared by the canvas tooltip and the SVG titles. Free of JavaFX. */
public final class FrameDescription {
    private FrameDescription() {
    }

    /**
     * Four lines: the display name; the kind with line and native library when known; total with its
     * share of all and of the parent; self with its share of all. A fifth, for a frame whose callers were not
     * built (see {@link CallTree#notBuilt}), says what they add up to.
     */
    public static String describe(CallTree t, int node) {
        if (t == null || node < 0 || node >= t.size()) {
            return "";
        }
        StringBuilder s = new StringBuilder(FrameText.display(t.name(node)));
        FrameKind kind = t.kind(node);
        s.append('\n').append(node == CallTree.ROOT ? "All stacks" : kind.label());
        int frame = t.frame(node);
        if (frame >= 0) {
            int line = t.profile().frames().line(frame);
            if (line > 0) {
                s.append(" \u00b7 line ").append(line);
            }
            String detail = t.profile().frames().detail(frame);
            if (detail != null && isNative(kind)) {
                s.append(" \u00b7 ").append(FrameText.display(detail));
            }
        }
        ViewKind.Unit unit = t.view().unit();
        long total = t.total(node);
        s.append("\nTotal: ").append(Units.weight(total, unit)).append(" (").append(Units.percent(total, t.total()))
                .append(" of all");
        if (node != CallTree.ROOT) {
            s.append(", ").append(Units.percent(total, t.total(t.parent(node)))).append(" of parent");
        }
        s.append(")\nSelf: ").append(Units.weight(t.self(node), unit)).append(" (")
                .append(Units.percent(t.self(node), t.total())).append(" of all)");
        long notBuilt = t.notBuilt(node);
        if (notBuilt > 0) {
            // a reversed tree is built only where it can be drawn: say what this frame's callers add up to
            s.append("\nCallers not built (each under half a pixel; zoom in to build them): ")
                    .append(Units.weight(notBuilt, unit));
        }
        return s.toString();
    }

    static boolean isNative(FrameKind kind) {
        return kind == FrameKind.NATIVE || kind == FrameKind.CPP || kind == FrameKind.KERNEL;
    }

    /** The native library of a node's frame, or null. */
    public static String library(CallTree t, int node) {
        int frame = t.frame(node);
        if (frame < 0 || !isNative(t.kind(node))) {
            return null;
        }
        return t.profile().frames().detail(frame);
    }
}
