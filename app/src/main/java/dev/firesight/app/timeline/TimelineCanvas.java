package dev.firesight.app.timeline;

import dev.firesight.app.controls.HoverLabel;
import dev.firesight.parser.query.ThreadActivity;

import dev.firesight.app.format.MethodNames;
import dev.firesight.app.format.Units;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.query.StackedRate;
import dev.firesight.parser.query.MemoryBudget;
import dev.firesight.parser.query.TimeRange;

import java.util.Locale;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The drawing surface of a {@link RecordingTimeline}: paints the lanes, turns drags into selections (new, or
 * moving an edge), double-clicks into clearing, the wheel into zooming, and shows a tooltip at the cursor.
 */
final class TimelineCanvas extends Region {
    /** How close (px) to a selection edge a press grabs that edge. */
    static final double EDGE_GRAB = 5;

    private enum Drag { NONE, NEW, FROM_EDGE, TO_EDGE }

    private final RecordingTimeline timeline;
    private final Canvas canvas = new Canvas();
    private final HoverLabel tip;
    private final TimelinePainter painter = new TimelinePainter();
    private Lanes lanes;
    private Drag drag = Drag.NONE;
    private long anchor;
    private double pressX;

    TimelineCanvas(RecordingTimeline timeline) {
        this.timeline = timeline;
        getStyleClass().add(RecordingTimeline.CANVAS_STYLE_CLASS);
        tip = new HoverLabel(this, RecordingTimeline.TOOLTIP_STYLE_CLASS);
        getChildren().addAll(canvas, tip);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drag = Drag.NONE);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        for (var p : new javafx.beans.Observable[] {timeline.modelProperty(), timeline.selectionProperty(),
            timeline.visibleRangeProperty(), timeline.stackByProperty(), timeline.threadsExpandedProperty()}) {
            p.addListener(o -> {
                requestLayout();
                repaint();
            });
        }
        for (TimelineColor c : TimelineColor.values()) {
            timeline.colorProperty(c).addListener(o -> repaint());
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        // The memory lane's legend wraps by the width: the width laid out now, or a usual one before the first layout.
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        return Lanes.preferredHeight(timeline.getModel(), timeline.isThreadsExpanded(), w);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        repaint();
    }

    Lanes lanes() {
        TimelineModel model = timeline.getModel();
        TimeRange visible = timeline.getVisibleRange() != null ? timeline.getVisibleRange()
                : model != null ? model.full() : new TimeRange(0, 1);
        return new Lanes(model, timeline.isThreadsExpanded(), canvas.getWidth(), canvas.getHeight(), visible);
    }

    void repaint() {
        lanes = lanes();
        painter.paint(canvas.getGraphicsContext2D(), lanes, timeline.getModel(), timeline.getStackBy(),
                timeline.getSelection(), timeline.isThreadsExpanded(), timeline::color);
    }

    Canvas canvas() {
        return canvas;
    }

    private void pressed(MouseEvent e) {
        timeline.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || timeline.getModel() == null) {
            return;
        }
        Lanes l = lanes();
        Lanes.Lane lane = l.at(e.getY());
        if (lane != null && lane.kind() == Lanes.Kind.THREADS && e.getY() < lane.y() + Lanes.THREAD_HEADER
                && e.getX() < Lanes.LEFT + 260) {
            timeline.setThreadsExpanded(!timeline.isThreadsExpanded());
            drag = Drag.NONE;
            return;
        }
        pressX = e.getX();
        TimeRange s = timeline.getSelection();
        if (s != null && Math.abs(e.getX() - l.x(s.fromNanos())) <= EDGE_GRAB) {
            drag = Drag.FROM_EDGE;
        } else if (s != null && Math.abs(e.getX() - l.x(s.toNanos())) <= EDGE_GRAB) {
            drag = Drag.TO_EDGE;
        } else if (l.inPlot(e.getX())) {
            drag = Drag.NEW;
            anchor = l.clampedTime(e.getX());
        } else {
            drag = Drag.NONE;
        }
    }

    private void dragged(MouseEvent e) {
        Lanes l = lanes();
        long t = l.clampedTime(e.getX());
        TimeRange s = timeline.getSelection();
        switch (drag) {
            case NEW -> {
                if (Math.abs(e.getX() - pressX) >= 2) {
                    timeline.setSelection(TimeRange.between(anchor, t));
                }
            }
            case FROM_EDGE -> timeline.setSelection(TimeRange.between(t, s.toNanos()));
            case TO_EDGE -> timeline.setSelection(TimeRange.between(s.fromNanos(), t));
            default -> { }
        }
        moved(e);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            timeline.clearSelection();
        }
    }

    private void scrolled(ScrollEvent e) {
        TimelineModel model = timeline.getModel();
        if (model == null || e.getDeltaY() == 0) {
            return;
        }
        Lanes l = lanes();
        TimeRange v = l.visible;
        long at = l.clampedTime(e.getX());
        double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
        long from = at - Math.round((at - v.fromNanos()) * factor);
        long to = at + Math.round((v.toNanos() - at) * factor);
        TimeRange zoomed = new TimeRange(from, Math.max(from + 1_000_000, to)).clampTo(model.full());
        timeline.setVisibleRange(zoomed == null ? model.full() : zoomed);
        e.consume();
    }

    private void moved(MouseEvent e) {
        String text = tooltip(e.getX(), e.getY());
        if (text == null) {
            tip.hide();
            return;
        }
        tip.show(text, e.getX(), e.getY());
    }

    /** The tooltip text for a point of the canvas, or null where there is nothing to say. */
    String tooltip(double x, double y) {
        TimelineModel model = timeline.getModel();
        // the lanes as last painted: laying them out again measures the memory legend's text on every mouse move
        Lanes l = lanes != null ? lanes : lanes();
        Lanes.Lane lane = l.at(y);
        if (model == null || lane == null) {
            return null;
        }
        if (!l.inPlot(x)) {
            return x < Lanes.LEFT ? threadName(model, lane, y) : null;
        }
        String sentence = lane.kind() == Lanes.Kind.MEMORY && l.memory != null ? l.memory.trendAt(y - lane.y()) : null;
        if (sentence != null) {
            return sentence; // drawn cut to the lane's width
        }
        long t = l.time(x);
        StringBuilder sb = new StringBuilder();
        sb.append(TimeFormat.relative(t - model.full().fromNanos())).append("   ")
                .append(TimeFormat.wallClock(t, timeline.getZone()));
        dev.firesight.parser.Sources.Span gap = model.profile().sources().gapAt(t);
        if (gap != null) {
            return sb.append("\nNo recording from ").append(TimeFormat.wallClock(gap.fromNanos(), timeline.getZone()))
                    .append(" to ").append(TimeFormat.wallClock(gap.toNanos(), timeline.getZone())).append(" (")
                    .append(TimeFormat.duration(gap.durationNanos()))
                    .append("): no file covers this time, so it is not a quiet period.").toString();
        }
        switch (lane.kind()) {
            case ALLOCATION -> {
                StackedRate rate = model.allocationRate(timeline.getStackBy());
                int b = rate.bucketOf(t);
                sb.append("\nAllocation rate ").append(Units.bytes(rate.total(b))).append("/s");
                java.util.Map<String, String> labels = MethodNames.unique(rate.names());
                for (int s = 0; s < rate.seriesCount(); s++) {
                    if (rate.rate(s, b) > 0) {
                        sb.append("\n  ").append(labels.get(rate.names().get(s))).append("  ")
                                .append(Units.bytes(rate.rate(s, b))).append("/s");
                    }
                }
            }
            case HEAP -> {
                int p = nearest(model.gcPauses(), l, x);
                if (p >= 0) {
                    sb.append("\nGC pause ").append(Units.nanos(model.gcPauses().value(p))).append(" at ")
                            .append(TimeFormat.relative(model.gcPauses().timeNanos(p) - model.full().fromNanos()));
                }
                int h = before(model.heapAfterGc(), t);
                if (h >= 0) {
                    sb.append("\nHeap after GC ").append(Units.bytes(model.heapAfterGc().value(h)));
                }
            }
            case MEMORY -> {
                if (model.memory().isEmpty()) {
                    sb.append('\n').append(MemoryBudget.ABSENT);
                }
                // A heap that swings within a pixel (a collection every 40 ms) is read as its low and high there:
                // the one reading before the pointer was as often the low after a collection as the peak.
                long from = l.time(x - 1);
                long to = l.time(x + 1);
                for (TimeSeries s : model.memory().uses()) {
                    sb.append(reading(s, t, from, to));
                }
                if (model.memory().limit() != null) {
                    sb.append("\nLimit: ").append(MemoryLane.limitText(model.memory()));
                }
            }
            case CPU -> {
                int c = before(model.cpuSamples(), t);
                if (c >= 0) {
                    sb.append(String.format(Locale.ROOT, "\nCPU samples %.0f/s", model.cpuSamples().value(c)));
                }
                int j = before(model.jvmCpuLoad(), t);
                if (j >= 0) {
                    sb.append(String.format(Locale.ROOT, "\nJVM CPU load %.0f%%", 100 * model.jvmCpuLoad().value(j)));
                }
                int m = before(model.machineCpuLoad(), t);
                if (m >= 0) {
                    sb.append(String.format(Locale.ROOT, "\nMachine CPU load %.0f%%",
                            100 * model.machineCpuLoad().value(m)));
                }
            }
            case SOURCES, THREADS -> {
                boolean sources = lane.kind() == Lanes.Kind.SOURCES;
                ThreadActivity threads = sources ? model.sources() : model.threads();
                int b = (int) Math.max(0, Math.min(threads.buckets() - 1,
                        (t - threads.startNanos()) / threads.bucketNanos()));
                int row = threadRow(lane, y);
                if ((sources || timeline.isThreadsExpanded()) && row >= 0 && row < threads.rows().size()) {
                    ThreadActivity.Row r = threads.rows().get(row);
                    sb.append("\n").append(r.name()).append(": ").append(Units.count(r.cpuSamples()[b])).append(" CPU samples, ")
                            .append(Units.bytes(r.allocBytes()[b])).append(" allocated");
                } else {
                    long cpu = 0;
                    long alloc = 0;
                    for (ThreadActivity.Row r : threads.rows()) {
                        cpu += r.cpuSamples()[b];
                        alloc += r.allocBytes()[b];
                    }
                    sb.append("\nAll threads: ").append(Units.count(cpu)).append(" CPU samples, ").append(Units.bytes(alloc))
                            .append(" allocated");
                }
            }
            default -> { }
        }
        return sb.toString();
    }

    /** The whole name of the thread or JVM whose row label is at y (the label may be cut short), or null. */
    private String threadName(TimelineModel model, Lanes.Lane lane, double y) {
        int row = threadRow(lane, y);
        ThreadActivity rows = lane.kind() == Lanes.Kind.SOURCES ? model.sources()
                : lane.kind() == Lanes.Kind.THREADS && timeline.isThreadsExpanded() ? model.threads() : null;
        return rows != null && row >= 0 && row < rows.rows().size() ? rows.rows().get(row).name() : null;
    }

    private static int threadRow(Lanes.Lane lane, double y) {
        double below = y - lane.y() - Lanes.THREAD_HEADER;
        return below < 0 ? -1 : (int) (below / Lanes.THREAD_ROW);
    }

    /**
     * A memory use's line of the hover: its readings' low and high when several fall in {@code [from, to]} (the
     * pixels around the pointer), the one there, else the reading at or before {@code t}; empty when there is none.
     */
    static String reading(TimeSeries s, long t, long from, long to) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < s.size() && s.timeNanos(i) <= to; i++) {
            if (s.timeNanos(i) >= from) {
                low = Math.min(low, s.value(i));
                high = Math.max(high, s.value(i));
                n++;
            }
        }
        String name = "\n" + s.kind().title() + "  ";
        if (n >= 1) {
            String lowText = Units.bytes(low);
            String highText = Units.bytes(high);
            return name + (lowText.equals(highText) ? highText : lowText + " – " + highText + " (" + n + " readings here)");
        }
        int i = before(s, t);
        return i < 0 ? "" : name + Units.bytes(s.value(i));
    }

    /** The last point at or before t (for bucketed series, the bucket holding t), or -1. */
    private static int before(TimeSeries s, long t) {
        if (s == null) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < s.size() && s.timeNanos(i) <= t; i++) {
            found = i;
        }
        return found;
    }

    /** The event of a per-event series within 6 px of x, or -1. */
    private static int nearest(TimeSeries s, Lanes l, double x) {
        if (s == null) {
            return -1;
        }
        int best = -1;
        double bestDx = 6;
        for (int i = 0; i < s.size(); i++) {
            double dx = Math.abs(l.x(s.timeNanos(i)) - x);
            if (dx <= bestDx) {
                best = i;
                bestDx = dx;
            }
        }
        return best;
    }
}
