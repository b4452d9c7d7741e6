package dev.firesight.app.timeline;

import java.util.function.Function;
import dev.firesight.parser.query.ThreadActivity;

import dev.firesight.app.format.MethodNames;
import dev.firesight.app.format.Units;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.MemoryBudget;
import dev.firesight.parser.query.MemoryTrend;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.query.StackedRate;
import dev.firesight.parser.query.TimeRange;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws the axis and lanes of a timeline onto a canvas. Stateless apart from its colours and fonts. */
final class TimelinePainter {
    static final Color[] STACK_COLORS = {
        Color.web("#e4572e"), Color.web("#f3a712"), Color.web("#4c9f70"), Color.web("#3f88c5"),
        Color.web("#8e6c8a"), Color.web("#b8b8b8")
    };
    static final Font FONT = Font.font("System", 11);
    static final Font BOLD = Font.font("System", javafx.scene.text.FontWeight.BOLD, 11);

    /** The colours of the timeline being painted, as its stylesheet sets them. */
    private Function<TimelineColor, Color> colors = TimelineColor::initial;

    private Color color(TimelineColor c) {
        return colors.apply(c);
    }

    /** The stretches no recording covers, for the painting under way: lines are not drawn across them. */
    private java.util.List<dev.firesight.parser.Sources.Span> gaps = java.util.List.of();

    /** True when no gap lies between two readings, so a line may join them. */
    private boolean joined(long fromNanos, long toNanos) {
        for (dev.firesight.parser.Sources.Span gap : gaps) {
            if (gap.fromNanos() >= fromNanos && gap.toNanos() <= toNanos) {
                return false;
            }
        }
        return true;
    }

    void paint(GraphicsContext g, Lanes lanes, TimelineModel model, AllocationSites.By by, TimeRange selection,
               boolean threadsExpanded, Function<TimelineColor, Color> colors) {
        this.colors = colors;
        this.gaps = model == null ? java.util.List.of() : model.gaps();
        g.setFill(color(TimelineColor.BACKGROUND));
        g.fillRect(0, 0, lanes.width, lanes.height);
        if (model == null) {
            return;
        }
        g.setFont(FONT);
        paintAxis(g, lanes, model);
        for (Lanes.Lane lane : lanes.lanes) {
            g.setFill(color(TimelineColor.LANE_BACKGROUND));
            g.fillRect(Lanes.LEFT, lane.y(), lanes.plotWidth(), lane.height());
            g.save();
            g.beginPath();
            g.rect(Lanes.LEFT, lane.y(), lanes.plotWidth(), lane.height());
            g.clip();
            paintGaps(g, lanes, lane, model, lane == lanes.lanes.get(0));
            switch (lane.kind()) {
                case ALLOCATION -> paintAllocation(g, lanes, lane, model.allocationRate(by), model.spikes(),
                        model.filterLabel());
                case HEAP -> paintHeap(g, lanes, lane, model);
                case MEMORY -> paintMemory(g, lanes, lane, model);
                case CPU -> paintCpu(g, lanes, lane, model);
                case SOURCES -> paintRows(g, lanes, lane, model.sources(), "▾ JVMs (" + model.sources().rows().size() + ")", true);
                case THREADS -> paintRows(g, lanes, lane, model.threads(), (threadsExpanded ? "▾ " : "▸ ") + "Threads ("
                        + model.threads().rows().size() + ")" + (threadsExpanded ? "" : " — click to expand"), threadsExpanded);
                default -> { }
            }
            g.restore();
            paintScales(g, lanes, lane, model, by, threadsExpanded);
        }
        if (selection != null) {
            double x0 = Math.max(Lanes.LEFT, lanes.x(selection.fromNanos()));
            double x1 = Math.min(Lanes.LEFT + lanes.plotWidth(), lanes.x(selection.toNanos()));
            if (x1 >= x0) {
                g.setFill(color(TimelineColor.SELECTION));
                g.fillRect(x0, Lanes.AXIS_HEIGHT, Math.max(1, x1 - x0), lanes.height - Lanes.AXIS_HEIGHT);
                g.setStroke(color(TimelineColor.SELECTION_EDGE));
                g.setLineWidth(1.5);
                g.strokeLine(x0, Lanes.AXIS_HEIGHT, x0, lanes.height);
                g.strokeLine(x1, Lanes.AXIS_HEIGHT, x1, lanes.height);
            }
        }
    }

    private void paintAxis(GraphicsContext g, Lanes lanes, TimelineModel model) {
        TimeRange v = lanes.visible;
        long start = model.full().fromNanos();
        long step = TimeFormat.tickStep(v.durationNanos(), (int) Math.max(2, lanes.plotWidth() / 110));
        long first = start + Math.floorDiv(v.fromNanos() - start + step - 1, step) * step;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (long t = first; t <= v.toNanos(); t += step) {
            double x = lanes.x(t);
            g.setStroke(color(TimelineColor.GRID));
            g.setLineWidth(1);
            g.strokeLine(Math.round(x) + 0.5, Lanes.AXIS_HEIGHT - 5, Math.round(x) + 0.5, lanes.height);
            g.setFill(color(TimelineColor.TEXT));
            g.fillText(tickLabel(t - start, step), x, Lanes.AXIS_HEIGHT / 2 - 1);
        }
        g.setStroke(color(TimelineColor.MUTED));
        g.strokeLine(Lanes.LEFT, Lanes.AXIS_HEIGHT - 0.5, Lanes.LEFT + lanes.plotWidth(), Lanes.AXIS_HEIGHT - 0.5);
    }

    private static String tickLabel(long relNanos, long step) {
        double s = relNanos / 1e9;
        int decimals = step >= 1_000_000_000L ? 0 : step >= 100_000_000L ? 1 : step >= 10_000_000L ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f s", s);
    }

    /** @param filter what the tab's thread filter shows ("3 threads", a JVM), or null for every thread */
    private void paintAllocation(GraphicsContext g, Lanes lanes, Lanes.Lane lane, StackedRate rate, Spikes spikes,
                                 String filter) {
        double max = niceRate(visibleMax(rate, lanes.visible));
        double bottom = lane.bottom();
        double h = lane.height() - 16;
        for (int b = rate.bucketOf(lanes.visible.fromNanos()); b <= rate.bucketOf(lanes.visible.toNanos()); b++) {
            double x0 = lanes.x(rate.timeNanos(b));
            double x1 = lanes.x(rate.timeNanos(b) + rate.bucketNanos());
            double y = bottom;
            for (int s = 0; s < rate.seriesCount(); s++) {
                double v = rate.rate(s, b);
                if (v <= 0) {
                    continue;
                }
                double dh = v / max * h;
                g.setFill(STACK_COLORS[Math.min(s == rate.seriesCount() - 1 ? STACK_COLORS.length - 1 : s,
                        STACK_COLORS.length - 1)]);
                g.fillRect(x0, y - dh, Math.max(1, x1 - x0), dh);
                y -= dh;
            }
        }
        g.setFill(color(TimelineColor.SPIKE));
        for (Spikes.Window w : spikes.windows()) {
            double x0 = lanes.x(w.startNanos());
            double x1 = lanes.x(w.endNanos());
            g.fillRect(x0, lane.y(), Math.max(2, x1 - x0), 4);
        }
        // Legend along the top of the lane.
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = Lanes.LEFT + 6;
        double y = lane.y() + 12;
        g.setFont(BOLD);
        g.setFill(color(TimelineColor.TEXT));
        String title = "Allocation rate by " + (rate.by() == AllocationSites.By.METHOD ? "method" : "class");
        g.fillText(title, x, y);
        // as wide for both groupings, so the legend stays in place when the user switches
        x += textWidth("Allocation rate by method", BOLD) + 14;
        g.setFont(FONT);
        if (filter != null) {
            // whose samples, on a line of its own: beside the title it left no room for the legend
            g.setFill(color(TimelineColor.MUTED));
            g.fillText("of " + filter, Lanes.LEFT + 6, y + 14);
        }
        double right = Lanes.LEFT + lanes.plotWidth() - 6;
        java.util.Map<String, String> labels = MethodNames.unique(rate.names());
        for (int s = 0; s < rate.seriesCount(); s++) {
            String name = labels.get(rate.names().get(s));
            // an entry goes in only with room left for the "+N more" the ones after it may need
            boolean last = s == rate.seriesCount() - 1;
            double after = last ? 0 : 20 + textWidth("+" + (rate.seriesCount() - s - 1) + " more", FONT);
            if (x + 11 + textWidth(name, FONT) + after > right) {
                g.setFill(color(TimelineColor.MUTED));
                g.fillText("+" + (rate.seriesCount() - s) + " more", x, y);
                break;
            }
            g.setFill(STACK_COLORS[s == rate.seriesCount() - 1 ? STACK_COLORS.length - 1 : s]);
            g.fillRect(x, y - 4, 8, 8);
            g.setFill(color(TimelineColor.TEXT));
            g.fillText(name, x + 11, y);
            x += 20 + textWidth(name, FONT);
        }
    }

    private static double niceRate(double max) {
        return TimeFormat.niceCeilBytes(Math.max(1, max));
    }

    static double visibleMax(StackedRate rate, TimeRange visible) {
        double max = 0;
        for (int b = rate.bucketOf(visible.fromNanos()); b <= rate.bucketOf(visible.toNanos()); b++) {
            max = Math.max(max, rate.total(b));
        }
        return max;
    }

    private void paintHeap(GraphicsContext g, Lanes lanes, Lanes.Lane lane, TimelineModel model) {
        double top = lane.y() + 18;
        double h = lane.bottom() - top;
        TimeSeries heap = model.heapAfterGc();
        if (heap != null) {
            double max = TimeFormat.niceCeilBytes(Math.max(1, heap.max()));
            g.setStroke(color(TimelineColor.HEAP));
            g.setLineWidth(1.5);
            g.beginPath();
            for (int i = 0; i < heap.size(); i++) {
                double x = lanes.x(heap.timeNanos(i));
                double y = lane.bottom() - heap.value(i) / max * h;
                if (i == 0 || !joined(heap.timeNanos(i - 1), heap.timeNanos(i))) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            g.setFill(color(TimelineColor.HEAP));
            for (int i = 0; i < heap.size(); i++) {
                g.fillOval(lanes.x(heap.timeNanos(i)) - 2, lane.bottom() - heap.value(i) / max * h - 2, 4, 4);
            }
        }
        TimeSeries pauses = model.gcPauses();
        if (pauses != null) {
            double max = Math.max(1, pauses.max());
            long threshold = model.spikes().pauseThresholdNanos();
            for (int i = 0; i < pauses.size(); i++) {
                double x0 = lanes.x(pauses.timeNanos(i));
                double x1 = lanes.x(pauses.timeNanos(i) + Math.round(pauses.value(i)));
                double dh = pauses.value(i) / max * (h * 0.9);
                boolean isLong = pauses.value(i) >= threshold;
                g.setFill(isLong ? color(TimelineColor.LONG_PAUSE) : color(TimelineColor.PAUSE));
                g.fillRect(x0 - (isLong ? 1.5 : 1), lane.bottom() - dh, Math.max(isLong ? 3 : 2, x1 - x0), dh);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(BOLD);
        g.setFill(color(TimelineColor.TEXT));
        String title = ofJvm("Heap after GC", model);
        g.fillText(title, Lanes.LEFT + 6, lane.y() + 10);
        g.setFont(FONT);
        if (!model.spikes().hasPauses()) {
            return; // no GC pauses recorded (async-profiler writes none): no pause legend
        }
        g.setFill(color(TimelineColor.LONG_PAUSE));
        double x = Lanes.LEFT + 14 + textWidth(title, BOLD);
        String longText = "GC pause ≥ " + TimeFormat.duration(model.spikes().pauseThresholdNanos());
        g.fillRect(x, lane.y() + 6, 3, 8);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText(longText, x + 7, lane.y() + 10);
        x += 22 + textWidth(longText, FONT);
        g.setFill(color(TimelineColor.PAUSE));
        g.fillRect(x, lane.y() + 6, 3, 8);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText("shorter pause", x + 7, lane.y() + 10);
    }

    /** A lane's title, naming the JVM it draws when the recording has several ("Memory of pid 4711 in a.jfr"). */
    private static String ofJvm(String title, TimelineModel model) {
        return model.jvm() == null ? title : title + " of " + model.jvm();
    }

    private void paintMemory(GraphicsContext g, Lanes lanes, Lanes.Lane lane, TimelineModel model) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        MemoryLane layout = lanes.memory;
        if (layout == null) {
            g.setFill(color(TimelineColor.MUTED));
            g.fillText(fit(ofJvm("Memory", model) + ": " + MemoryBudget.ABSENT, FONT, lanes.plotWidth() - 12),
                    Lanes.LEFT + 6, lane.y() + lane.height() / 2); // the whole sentence is the lane's tooltip
            return;
        }
        double top = lane.y() + layout.plotTop();
        double h = lane.bottom() - top;
        double max = layout.scale;
        for (MemoryLane.Entry e : layout.legend) {
            if (!e.drawn()) {
                continue;
            }
            TimeSeries s = e.use();
            // Heap used swings with every collection and draws a solid band; half transparent, the heap after GC,
            // drawn over it along the band's foot, still shows.
            boolean used = s.kind() == TimeSeries.Kind.HEAP_USED;
            g.setStroke(used ? MemoryLane.color(s.kind()).deriveColor(0, 1, 1, 0.5) : MemoryLane.color(s.kind()));
            g.setLineWidth(used ? 1 : 1.6);
            g.beginPath();
            for (int i = 0; i < s.size(); i++) {
                double x = lanes.x(s.timeNanos(i));
                double y = lane.bottom() - s.value(i) / max * h;
                if (i == 0 || !joined(s.timeNanos(i - 1), s.timeNanos(i))) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        if (layout.limitOnScale) {
            double y = Math.round(lane.bottom() - layout.memory.limitBytes() / max * h) + 0.5;
            g.setStroke(color(TimelineColor.MEMORY_LIMIT));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(Lanes.LEFT, y, Lanes.LEFT + lanes.plotWidth(), y);
            g.setLineDashes();
            g.setFill(color(TimelineColor.MEMORY_LIMIT));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(MemoryLane.limitText(layout.memory), Lanes.LEFT + lanes.plotWidth() - 6, y + 8);
            g.setTextAlign(TextAlignment.LEFT);
        }
        // The title and legend, then the projections, each on rows of their own above the plot: drawn over it, a
        // sentence hid the heap, which is at the plot's bottom.
        g.setFont(BOLD);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText(layout.title, Lanes.LEFT + 6, lane.y() + MemoryLane.rowMiddle(0));
        g.setFont(FONT);
        for (MemoryLane.Entry e : layout.legend) {
            double y = lane.y() + MemoryLane.rowMiddle(e.row());
            double x = Lanes.LEFT + e.x();
            if (e.use() != null) {
                g.setFill(MemoryLane.color(e.use().kind()));
                g.fillRect(x, y - 4, 8, 8);
            }
            g.setFill(color(e.drawn() ? TimelineColor.TEXT : TimelineColor.MUTED));
            g.fillText(e.text(), e.use() != null ? x + 11 : x, y);
        }
        for (int i = 0; i < layout.memory.trends().size(); i++) {
            MemoryTrend trend = layout.memory.trends().get(i);
            g.setFill(trend.growing() ? color(TimelineColor.MEMORY_LIMIT) : color(TimelineColor.TEXT));
            g.fillText(fit(trend.sentence(), FONT, lanes.plotWidth() - 12), Lanes.LEFT + 6,
                    lane.y() + layout.trendMiddle(i));
        }
    }

    private void paintCpu(GraphicsContext g, Lanes lanes, Lanes.Lane lane, TimelineModel model) {
        double top = lane.y() + 18;
        double h = lane.bottom() - top;
        TimeSeries samples = model.cpuSamples();
        if (samples != null) {
            double max = TimeFormat.niceCeil(Math.max(1, samples.max()));
            g.setFill(color(TimelineColor.CPU_FILL));
            for (int i = 0; i < samples.size(); i++) {
                double v = samples.value(i);
                if (v <= 0) {
                    continue;
                }
                double x0 = lanes.x(samples.timeNanos(i));
                double x1 = lanes.x(samples.timeNanos(i) + samples.bucketNanos());
                g.fillRect(x0, lane.bottom() - v / max * h, Math.max(1, x1 - x0), v / max * h);
            }
        }
        strokeLoad(g, lanes, lane, model.machineCpuLoad(), color(TimelineColor.MACHINE_LOAD), h);
        strokeLoad(g, lanes, lane, model.jvmCpuLoad(), color(TimelineColor.JVM_LOAD), h);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(BOLD);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText("CPU", Lanes.LEFT + 6, lane.y() + 10);
        g.setFont(FONT);
        double x = Lanes.LEFT + 40;
        if (model.cpuSamples() != null) { // a recording of memory may have the CPU load and no CPU sample
            x = legend(g, x, lane.y() + 10, color(TimelineColor.CPU_FILL),
                    model.filterLabel() == null ? "samples/s" : "samples/s of " + model.filterLabel());
        }
        // The samples are every JVM's; the load lines are one JVM's and its machine's.
        x = legend(g, x, lane.y() + 10, color(TimelineColor.JVM_LOAD),
                model.jvmName() == null ? "JVM load" : "JVM load of " + model.jvmName());
        legend(g, x, lane.y() + 10, color(TimelineColor.MACHINE_LOAD), "machine load");
    }

    private double legend(GraphicsContext g, double x, double y, Color color, String text) {
        g.setFill(color);
        g.fillRect(x, y - 4, 8, 8);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText(text, x + 11, y);
        return x + 22 + textWidth(text, FONT);
    }

    private static final javafx.scene.text.Text MEASURE = new javafx.scene.text.Text();

    static double textWidth(String text, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** The text cut with an ellipsis to fit {@code width} pixels. */
    static String fit(String text, Font font, double width) {
        if (textWidth(text, font) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && textWidth(t + "…", font) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private void strokeLoad(GraphicsContext g, Lanes lanes, Lanes.Lane lane, TimeSeries load, Color color, double h) {
        if (load == null) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.beginPath();
        boolean started = false;
        long last = 0;
        for (int i = 0; i < load.size(); i++) {
            double v = load.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            double x = lanes.x(load.timeNanos(i));
            double y = lane.bottom() - Math.min(1, v) * h;
            boolean joins = started && joined(last, load.timeNanos(i));
            last = load.timeNanos(i);
            if (!joins) {
                g.moveTo(x, y);
                started = true;
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }

    /** Rows of activity (threads, or sources), one row each when expanded, else all summed in one. */
    private void paintRows(GraphicsContext g, Lanes lanes, Lanes.Lane lane, ThreadActivity threads, String title,
                           boolean expanded) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(BOLD);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText(title, Lanes.LEFT + 6, lane.y() + Lanes.THREAD_HEADER / 2);
        g.setFont(FONT);
        int rows = expanded ? Math.min(Lanes.MAX_THREAD_ROWS, threads.rows().size()) : 1;
        int firstBucket = (int) Math.max(0, (lanes.visible.fromNanos() - threads.startNanos()) / threads.bucketNanos());
        int lastBucket = (int) Math.min(threads.buckets() - 1,
                (lanes.visible.toNanos() - threads.startNanos()) / threads.bucketNanos());
        for (int r = 0; r < rows; r++) {
            double y = lane.y() + Lanes.THREAD_HEADER + r * Lanes.THREAD_ROW;
            for (int b = firstBucket; b <= lastBucket; b++) {
                double cpu = 0;
                double alloc = 0;
                if (expanded) {
                    ThreadActivity.Row row = threads.rows().get(r);
                    cpu = row.cpuSamples()[b];
                    alloc = row.allocBytes()[b];
                } else {
                    for (ThreadActivity.Row row : threads.rows()) {
                        cpu += row.cpuSamples()[b];
                        alloc += row.allocBytes()[b];
                    }
                }
                if (cpu <= 0 && alloc <= 0) {
                    continue;
                }
                long t = threads.startNanos() + b * threads.bucketNanos();
                double x0 = lanes.x(t);
                double x1 = lanes.x(t + threads.bucketNanos());
                double a = Math.max(cpu / Math.max(1, threads.maxCpu()), alloc / Math.max(1, threads.maxAlloc()));
                g.setFill(color(cpu > 0 ? TimelineColor.THREAD_CPU : TimelineColor.THREAD_ALLOC)
                        .deriveColor(0, 1, 1, 0.25 + 0.75 * Math.min(1, a)));
                g.fillRect(x0, y + 2, Math.max(1, x1 - x0), Lanes.THREAD_ROW - 4);
            }
        }
    }

    private void paintScales(GraphicsContext g, Lanes lanes, Lanes.Lane lane, TimelineModel model,
                             AllocationSites.By by, boolean expanded) {
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(color(TimelineColor.TEXT));
        double left = Lanes.LEFT - 6;
        double right = Lanes.LEFT + lanes.plotWidth() + 6;
        switch (lane.kind()) {
            case ALLOCATION -> {
                double max = TimeFormat.niceCeilBytes(Math.max(1, visibleMax(model.allocationRate(by), lanes.visible)));
                scale(g, left, lane.bottom() - (lane.height() - 16), lane.bottom(), Units.bytes(max) + "/s",
                        Units.bytes(max / 2) + "/s", "0 B/s");
            }
            case HEAP -> {
                double top = lane.y() + 18;
                if (model.heapAfterGc() != null) {
                    double max = TimeFormat.niceCeilBytes(Math.max(1, model.heapAfterGc().max()));
                    scale(g, left, top, lane.bottom(), Units.bytes(max), Units.bytes(max / 2), "0 B");
                }
                if (model.gcPauses() != null) {
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setFill(color(TimelineColor.LONG_PAUSE));
                    g.fillText(Units.nanos(model.gcPauses().max()), right, lane.bottom() - (lane.bottom() - top) * 0.9);
                    g.setFill(color(TimelineColor.MUTED));
                    g.fillText("pause", right, lane.bottom() - (lane.bottom() - top) * 0.9 + 13);
                    g.fillText("0 ms", right, lane.bottom() - 6);
                }
            }
            case MEMORY -> {
                if (lanes.memory != null) {
                    double max = lanes.memory.scale;
                    scale(g, left, lane.y() + lanes.memory.plotTop(), lane.bottom(), Units.bytes(max),
                            Units.bytes(max / 2), "0 B");
                }
            }
            case CPU -> {
                double top = lane.y() + 18;
                scale(g, left, top, lane.bottom(), "100%", "50%", "0%");
                if (model.cpuSamples() != null) {
                    double max = TimeFormat.niceCeil(Math.max(1, model.cpuSamples().max()));
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setFill(color(TimelineColor.MUTED));
                    g.fillText(String.format(Locale.ROOT, "%.0f/s", max), right, top + 4);
                    g.fillText("samples", right, top + 17);
                }
            }
            case SOURCES -> rowNames(g, lane, model.sources(), left);
            case THREADS -> {
                if (expanded) {
                    rowNames(g, lane, model.threads(), left);
                } else {
                    g.setTextAlign(TextAlignment.RIGHT);
                    g.fillText("all threads", left, lane.y() + Lanes.THREAD_HEADER + Lanes.THREAD_ROW / 2);
                }
            }
            default -> { }
        }
    }

    /** Each row's name left of the plot, cut to fit (the whole name is the label's hover text). */
    private void rowNames(GraphicsContext g, Lanes.Lane lane, ThreadActivity rows, double left) {
        g.setTextAlign(TextAlignment.RIGHT);
        int n = Math.min(Lanes.MAX_THREAD_ROWS, rows.rows().size());
        for (int r = 0; r < n; r++) {
            g.setFill(color(TimelineColor.TEXT));
            g.fillText(fit(rows.rows().get(r).name(), FONT, Lanes.LEFT - 10), left,
                    lane.y() + Lanes.THREAD_HEADER + r * Lanes.THREAD_ROW + Lanes.THREAD_ROW / 2);
        }
    }

    /**
     * Hatches the stretches no recording covers in a lane, under its data and legend (a gap has no data, and
     * the legend stays readable), named in the first lane where there is room, so that time between files
     * made apart never reads as a quiet period.
     */
    private void paintGaps(GraphicsContext g, Lanes lanes, Lanes.Lane lane, TimelineModel model, boolean named) {
        double top = lane.y();
        double bottom = lane.bottom();
        for (dev.firesight.parser.Sources.Span gap : model.gaps()) {
            double x0 = Math.max(Lanes.LEFT, lanes.x(gap.fromNanos()));
            double x1 = Math.min(Lanes.LEFT + lanes.plotWidth(), lanes.x(gap.toNanos()));
            if (x1 - x0 < 1) {
                continue;
            }
            g.setFill(color(TimelineColor.BACKGROUND));
            g.fillRect(x0, top, x1 - x0, bottom - top);
            g.save();
            g.beginPath();
            g.rect(x0, top, x1 - x0, bottom - top);
            g.clip();
            g.setStroke(color(TimelineColor.GRID));
            g.setLineWidth(1);
            for (double x = x0 - (bottom - top); x < x1; x += 8) {
                g.strokeLine(x, bottom, x + (bottom - top), top);
            }
            g.restore();
            String label = "no recording";
            if (named && x1 - x0 > textWidth(label, FONT) + 8) {
                g.setFill(color(TimelineColor.MUTED));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(label, (x0 + x1) / 2, (top + bottom) / 2);
            }
        }
    }

    private void scale(GraphicsContext g, double x, double top, double bottom, String max, String mid,
                              String zero) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(color(TimelineColor.TEXT));
        g.fillText(max, x, top + 4);
        g.setFill(color(TimelineColor.MUTED));
        g.fillText(mid, x, (top + bottom) / 2);
        g.fillText(zero, x, bottom - 6);
        g.setStroke(color(TimelineColor.GRID));
        g.setLineWidth(1);
        g.strokeLine(x + 2, top, x + 6, top);
        g.strokeLine(x + 2, (top + bottom) / 2, x + 6, (top + bottom) / 2);
    }
}
