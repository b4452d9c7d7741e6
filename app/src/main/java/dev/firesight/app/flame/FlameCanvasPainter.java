package dev.firesight.app.flame;

import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.model.FrameText;

import dev.firesight.parser.query.FrameSearch;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;

/**
 * Draws a {@link FlameLayout} onto a canvas: only the rows in view, each frame one rectangle snapped to
 * device pixels, names fitted inside. Colours, display names and glyph widths are cached per tree, so a
 * repaint after hover does no string work beyond the frames wide enough for text.
 */
final class FlameCanvasPainter {
    static final double ROW_HEIGHT = 18;
    private static final double TEXT_PAD = 4;
    /** A run of frames each narrower than a pixel (see {@link FlameLayout#merged}), as the exports draw it. */
    private static final Color MERGED_FILL = Color.rgb((FrameColors.MERGED >> 16) & 0xFF,
            (FrameColors.MERGED >> 8) & 0xFF, FrameColors.MERGED & 0xFF);

    /** Everything a repaint needs besides the layout. */
    record State(double width, double height, double top, double scale, boolean icicle, ColorMode mode,
                 FrameSearch search, int highlightedNameId, int hovered, int selected, int currentMatch,
                 Color background, Color matchFill, Color highlightFill, Color selectionStroke, Color hoverStroke,
                 Color dimText) {
    }

    private final Font font = Font.font("System", 12);
    private final double[] glyphWidths = new double[65536];
    private final Text measureText = new Text();
    private FlameTree cachedTree;
    private ColorMode cachedMode;
    private Color[] fills;
    private Color[] textFills;
    private String[] names;
    private int framesDrawn;

    FlameCanvasPainter() {
        Arrays.fill(glyphWidths, -1);
        measureText.setFont(font);
    }

    Font font() {
        return font;
    }

    /** How many rectangles the last paint drew. */
    int framesDrawn() {
        return framesDrawn;
    }

    double glyphWidth(char c) {
        double w = glyphWidths[c];
        if (w < 0) {
            measureText.setText(String.valueOf(c));
            w = measureText.getLayoutBounds().getWidth();
            glyphWidths[c] = w;
        }
        return w;
    }

    void paint(GraphicsContext g, FlameLayout layout, State s) {
        // A clear of the whole canvas lets JavaFX drop the commands of earlier, not yet rendered paints.
        g.clearRect(0, 0, s.width(), s.height());
        g.setFill(s.background());
        g.fillRect(0, 0, s.width(), s.height());
        framesDrawn = 0;
        if (layout == null || layout.tree().total() == 0) {
            g.setFill(s.dimText());
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(layout == null ? "No call tree" : layout.tree().emptyText(), s.width() / 2,
                    s.height() / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        prepareCaches(layout.tree(), s.mode());
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double contentHeight = Math.max(s.height(), layout.rows() * ROW_HEIGHT);
        int hoveredIndex = -1;
        int selectedIndex = -1;
        int matchIndex = -1;
        for (int depth = 0; depth < layout.rows(); depth++) {
            double y = FlameLayout.rowTop(depth, ROW_HEIGHT, contentHeight, s.icicle()) - s.top();
            if (y + ROW_HEIGHT < 0 || y > s.height()) {
                continue;
            }
            y = snap(y, s.scale());
            for (int i = layout.rowStart(depth), e = layout.rowEnd(depth); i < e; i++) {
                drawFrame(g, layout, s, i, y);
                int node = layout.node(i);
                if (node == s.hovered()) {
                    hoveredIndex = i;
                }
                if (node == s.selected()) {
                    selectedIndex = i;
                }
                if (node == s.currentMatch()) {
                    matchIndex = i;
                }
            }
        }
        outline(g, layout, matchIndex, s, s.matchFill().darker(), 2);
        outline(g, layout, selectedIndex, s, s.selectionStroke(), 2);
        outline(g, layout, hoveredIndex, s, s.hoverStroke(), 1);
    }

    /** One frame's fill and name; {@code y} is the row's top on the canvas. */
    private void drawFrame(GraphicsContext g, FlameLayout layout, State s, int i, double y) {
        FlameTree tree = layout.tree();
        double px = 1 / s.scale();
        double h = ROW_HEIGHT - px;
        int node = layout.node(i);
        double x0 = snap(layout.x(i) * s.width(), s.scale());
        double x1 = snap((layout.x(i) + layout.width(i)) * s.width(), s.scale());
        double fw = Math.max(x1 - x0, px);
        if (layout.merged(i) > 0) {
            // sub-pixel frames merged into one run: their weight shows, plain, with no name to fit
            g.setFill(MERGED_FILL);
            g.fillRect(x0, y, fw > 3 * px ? fw - px : fw, h);
            framesDrawn++;
            return;
        }
        boolean match = s.search().isFor(tree) && s.search().matches(node);
        boolean highlighted = s.highlightedNameId() != -1 && node != FlameTree.ROOT
                && tree.nameId(node) == s.highlightedNameId();
        Color fill = highlighted ? s.highlightFill() : match ? s.matchFill() : fill(tree, node, s.mode());
        g.setFill(fill);
        double rw = fw > 3 * px ? fw - px : fw;
        g.fillRect(x0, y, rw, h);
        framesDrawn++;
        FlameTree.Mark mark = tree.mark(node);
        if (mark != FlameTree.Mark.NONE && !highlighted && !match) {
            drawMark(g, mark, fill, x0, y, rw, h, px);
        }
        if (rw > 3 * TEXT_PAD + 6) {
            String text = FrameText.fit(name(tree, node), rw - 2 * TEXT_PAD, this::glyphWidth);
            if (text != null) {
                g.setFill(highlighted || match ? textOn(fill) : textFills[node]);
                g.fillText(text, x0 + TEXT_PAD, y + h / 2);
            }
        }
    }

    /**
     * Redraws the neighbourhood of one frame after a hover change, instead of the whole canvas: the
     * frame's row is cleared a few pixels either side, the frames there redrawn and their outlines
     * restored, all clipped to that strip. Falls back to nothing when the frame is off screen.
     */
    void repaintAround(GraphicsContext g, FlameLayout layout, State s, int index) {
        if (layout == null || index < 0 || index >= layout.size() || layout.tree().total() == 0) {
            return;
        }
        prepareCaches(layout.tree(), s.mode());
        double contentHeight = Math.max(s.height(), layout.rows() * ROW_HEIGHT);
        int depth = layout.depth(index);
        double y = snap(FlameLayout.rowTop(depth, ROW_HEIGHT, contentHeight, s.icicle()) - s.top(), s.scale());
        if (y + ROW_HEIGHT < 0 || y > s.height()) {
            return;
        }
        double left = snap(layout.x(index) * s.width(), s.scale()) - 2;
        double right = snap((layout.x(index) + layout.width(index)) * s.width(), s.scale()) + 2;
        g.save();
        g.beginPath();
        g.rect(left, y, right - left, ROW_HEIGHT);
        g.clip();
        g.setFill(s.background());
        g.fillRect(left, y, right - left, ROW_HEIGHT);
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        int hoveredIndex = -1;
        int selectedIndex = -1;
        int matchIndex = -1;
        double fl = left / s.width();
        double fr = right / s.width();
        for (int i = layout.rowStart(depth), e = layout.rowEnd(depth); i < e; i++) {
            if (layout.x(i) + layout.width(i) < fl || layout.x(i) > fr) {
                continue;
            }
            drawFrame(g, layout, s, i, y);
            int node = layout.node(i);
            hoveredIndex = node == s.hovered() ? i : hoveredIndex;
            selectedIndex = node == s.selected() ? i : selectedIndex;
            matchIndex = node == s.currentMatch() ? i : matchIndex;
        }
        outline(g, layout, matchIndex, s, s.matchFill().darker(), 2);
        outline(g, layout, selectedIndex, s, s.selectionStroke(), 2);
        outline(g, layout, hoveredIndex, s, s.hoverStroke(), 1);
        g.restore();
    }

    /**
     * Frames present in only one capture: hatched when new, a dashed outline when vanished, so they
     * read apart from frames that merely changed weight.
     */
    private static void drawMark(GraphicsContext g, FlameTree.Mark mark, Color fill, double x, double y, double w,
                                 double h, double px) {
        g.save();
        if (mark == FlameTree.Mark.ADDED) {
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            g.setStroke(fill.deriveColor(0, 1, 0.62, 1));
            g.setLineWidth(1.5);
            for (double sx = x - h; sx < x + w; sx += 6) {
                g.strokeLine(sx, y + h, sx + h, y);
            }
        } else {
            g.setStroke(fill.deriveColor(0, 1, 0.45, 1));
            g.setLineWidth(1.5);
            g.setLineDashes(4, 3);
            if (w > 3 * px) {
                g.strokeRect(x + 0.75, y + 0.75, w - 1.5, h - 1.5);
            }
        }
        g.restore();
    }

    private void outline(GraphicsContext g, FlameLayout layout, int i, State s, Color color, double lineWidth) {
        if (i < 0) {
            return;
        }
        double contentHeight = Math.max(s.height(), layout.rows() * ROW_HEIGHT);
        double y = snap(FlameLayout.rowTop(layout.depth(i), ROW_HEIGHT, contentHeight, s.icicle()) - s.top(),
                s.scale());
        double x0 = snap(layout.x(i) * s.width(), s.scale());
        double x1 = snap((layout.x(i) + layout.width(i)) * s.width(), s.scale());
        g.setStroke(color);
        g.setLineWidth(lineWidth);
        double inset = lineWidth / 2;
        g.strokeRect(x0 + inset, y + inset, Math.max(x1 - x0 - 2 * inset - 1 / s.scale(), 1),
                ROW_HEIGHT - 2 * inset - 1 / s.scale());
    }

    private void prepareCaches(FlameTree tree, ColorMode mode) {
        if (tree != cachedTree) {
            names = new String[tree.size()];
            fills = null;
        }
        if (tree != cachedTree || mode != cachedMode || fills == null) {
            fills = new Color[tree.size()];
            textFills = new Color[tree.size()];
        }
        cachedTree = tree;
        cachedMode = mode;
    }

    private Color fill(FlameTree tree, int node, ColorMode mode) {
        Color c = fills[node];
        if (c == null) {
            int rgb = tree.color(node, mode);
            c = rgb(rgb);
            fills[node] = c;
            textFills[node] = rgb(FrameColors.textOn(rgb));
        }
        return c;
    }

    private String name(FlameTree tree, int node) {
        String n = names[node];
        if (n == null) {
            n = FrameText.display(tree.name(node));
            names[node] = n;
        }
        return n;
    }

    private static Color textOn(Color fill) {
        int rgb = ((int) Math.round(fill.getRed() * 255) << 16) | ((int) Math.round(fill.getGreen() * 255) << 8)
                | (int) Math.round(fill.getBlue() * 255);
        return rgb(FrameColors.textOn(rgb));
    }

    static Color rgb(int rgb) {
        return Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    static double snap(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
