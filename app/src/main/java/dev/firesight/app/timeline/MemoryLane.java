package dev.firesight.app.timeline;

import dev.firesight.app.format.Units;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.query.MemoryBudget;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.paint.Color;

/**
 * How the memory lane lays out one JVM's memory: which uses share its byte scale, its legend with each use's peak
 * (in as many rows as the width needs), the trend sentences on rows of their own, and the plot below them.
 *
 * <p>The lane once drew the projections over the lower part of the plot, where the heap is, and took its scale from
 * every use. A recording made in a container without a memory limit has the container's usage (the whole cgroup,
 * 671 MiB beside a 168 MiB heap in the demo's recording), so the heap was a band 20 pixels high under the
 * projection's sentence, and the legend ran off the lane's end. Now text never covers the plot; container usage
 * sets the scale only where the container's limit is the one that applies, and elsewhere is named with its peak
 * when it does not fit; and the legend gives each use's peak, so metaspace or direct buffers a few pixels high can
 * still be read.
 */
final class MemoryLane {
    /** The height of a legend or sentence row. */
    static final double ROW = 14;
    /** The plot's height under the rows. */
    static final double PLOT_HEIGHT = 100;
    static final String TITLE_SUFFIX = " (peaks)";
    /** A limit more than this many times the peak use is named, not drawn, so the uses keep their height. */
    private static final double LIMIT_ON_SCALE = 4;
    /** Room after a legend entry's text, and its colour square and the gap to the text. */
    private static final double ENTRY_GAP = 14;
    private static final double SQUARE = 11;

    /** A colour per kind of memory use, in {@link MemoryBudget#USES} order: heap blues, metaspace purples. */
    private static final Color[] COLORS = {
        Color.web("#3f88c5"), Color.web("#1d5f99"), Color.web("#9cc3e6"), Color.web("#8e6c8a"),
        Color.web("#c7b3c5"), Color.web("#f3a712"), Color.web("#4c9f70"), Color.web("#e4572e"), Color.web("#333333")
    };
    /** Short legend names, in {@link MemoryBudget#USES} order. */
    private static final String[] NAMES = {"heap used", "heap after GC", "heap committed", "metaspace",
        "metaspace committed", "direct buffers", "native (NMT)", "resident set", "container usage"};

    /**
     * One legend entry, placed: a use with its peak ({@code use} set), or the limit named because it is above the
     * scale ({@code use} null). {@code drawn} is false for a use above the scale, which is named and not drawn.
     */
    record Entry(TimeSeries use, String text, boolean drawn, double x, int row) { }

    final MemoryBudget memory;
    final String title;
    final List<Entry> legend;
    final int legendRows;
    /** The byte value at the plot's top. */
    final double scale;
    final boolean limitOnScale;

    private MemoryLane(MemoryBudget memory, String title, List<Entry> legend, int legendRows, double scale,
                       boolean limitOnScale) {
        this.memory = memory;
        this.title = title;
        this.legend = legend;
        this.legendRows = legendRows;
        this.scale = scale;
        this.limitOnScale = limitOnScale;
    }

    /** Lays out the memory of {@code model}'s JVM in a plot {@code width} pixels wide, or null when it has none. */
    static MemoryLane of(TimelineModel model, double width) {
        return of(model.memory(), model.jvm(), width);
    }

    /** Lays out {@code memory}, of the JVM named {@code jvm} (null when the profile has one), or null when empty. */
    static MemoryLane of(MemoryBudget memory, String jvm, double width) {
        if (memory.isEmpty()) {
            return null;
        }
        double limit = memory.limitBytes();
        double peak = 1;
        for (TimeSeries s : memory.uses()) {
            if (setsScale(memory, s)) {
                peak = Math.max(peak, s.max());
            }
        }
        boolean limitNear = !Double.isNaN(limit) && limit <= LIMIT_ON_SCALE * peak;
        double scale = TimeFormat.niceCeilBytes(limitNear ? Math.max(peak, limit) : peak);
        String title = (jvm == null ? "Memory" : "Memory of " + jvm) + TITLE_SUFFIX;

        List<Entry> legend = new ArrayList<>();
        List<TimeSeries> named = new ArrayList<>(memory.uses());
        if (memory.limit() != null && !limitNear) {
            named.add(null); // the limit
        }
        double left = 6;
        double x = left + TimelinePainter.textWidth(title, TimelinePainter.BOLD) + ENTRY_GAP;
        int row = 0;
        for (TimeSeries s : named) {
            boolean drawn = s != null && s.max() <= scale;
            String text = s == null ? "limit " + limitText(memory) + ", above the scale"
                    : name(s.kind()) + " " + Units.bytes(s.max()) + (drawn ? "" : ", above the scale");
            double w = SQUARE + TimelinePainter.textWidth(text, TimelinePainter.FONT);
            if (x + w > width - 6 && x > left) {
                row++;
                x = left;
            }
            legend.add(new Entry(s, text, drawn, x, row));
            x += w + ENTRY_GAP;
        }
        return new MemoryLane(memory, title, List.copyOf(legend), row + 1, scale, limitNear);
    }

    /**
     * Whether a use counts toward the scale. Container usage is the whole cgroup's: beside the container's limit it
     * is what gets the pod killed, but against -Xmx or the machine's memory it holds other processes and caches.
     */
    private static boolean setsScale(MemoryBudget memory, TimeSeries use) {
        return use.kind() != TimeSeries.Kind.CONTAINER_MEMORY_USAGE || memory.limit() != null
                && memory.limit().kind() == TimeSeries.Kind.CONTAINER_MEMORY_LIMIT;
    }

    /** The lane's height: its legend and sentence rows, and the plot. */
    double height() {
        return 4 + (legendRows + memory.trends().size()) * ROW + 6 + PLOT_HEIGHT;
    }

    /** The y of legend row {@code row}'s middle, from the lane's top. */
    static double rowMiddle(int row) {
        return 4 + row * ROW + ROW / 2;
    }

    /** The y of the middle of trend sentence {@code i}'s row, from the lane's top. */
    double trendMiddle(int i) {
        return rowMiddle(legendRows + i);
    }

    /** The whole trend sentence on the row at {@code y} from the lane's top, or null when no sentence is there. */
    String trendAt(double y) {
        int i = (int) Math.floor((y - rowMiddle(legendRows) + ROW / 2) / ROW);
        return i >= 0 && i < memory.trends().size() ? memory.trends().get(i).sentence() : null;
    }

    /** Where the plot starts, from the lane's top. */
    double plotTop() {
        return 4 + (legendRows + memory.trends().size()) * ROW + 6;
    }

    static Color color(TimeSeries.Kind kind) {
        return COLORS[MemoryBudget.USES.indexOf(kind)];
    }

    static String name(TimeSeries.Kind kind) {
        return NAMES[MemoryBudget.USES.indexOf(kind)];
    }

    /** "-Xmx 512 MB", "container limit 256 MB" or "physical memory 23.5 GB". */
    static String limitText(MemoryBudget memory) {
        TimeSeries.Kind kind = memory.limit().kind();
        String name = kind == TimeSeries.Kind.MAX_HEAP ? "-Xmx" : kind == TimeSeries.Kind.CONTAINER_MEMORY_LIMIT
                ? "container limit" : "physical memory";
        return name + " " + Units.bytes(memory.limitBytes());
    }
}
