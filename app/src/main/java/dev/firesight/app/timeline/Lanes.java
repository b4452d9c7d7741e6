package dev.firesight.app.timeline;

import dev.firesight.parser.query.TimeRange;
import java.util.ArrayList;
import java.util.List;

/** Where the axis and each present lane sit on the timeline canvas, and how x maps to time. */
final class Lanes {
    static final double AXIS_HEIGHT = 24;
    static final double LEFT = 84;
    static final double RIGHT = 70;
    static final double GAP = 8;
    static final double ALLOCATION_HEIGHT = 130;
    static final double HEAP_HEIGHT = 90;
    static final double CPU_HEIGHT = 80;
    /** The memory lane with nothing to draw: one line saying why. */
    static final double MEMORY_ABSENT_HEIGHT = 20;
    static final double THREAD_HEADER = 20;
    static final double THREAD_ROW = 14;
    static final int MAX_THREAD_ROWS = 40;

    enum Kind { ALLOCATION, HEAP, MEMORY, CPU, SOURCES, THREADS }

    record Lane(Kind kind, double y, double height) {
        boolean contains(double py) {
            return py >= y && py < y + height;
        }

        double bottom() {
            return y + height;
        }
    }

    final List<Lane> lanes;
    /** The memory lane's layout, or null when the recording has no memory readings. */
    final MemoryLane memory;
    final double width;
    final double height;
    final TimeRange visible;

    Lanes(TimelineModel model, boolean threadsExpanded, double width, TimeRange visible) {
        this(model, threadsExpanded, width, 0, visible);
    }

    /** As laid out in {@code available} pixels of height: room beyond the preferred height goes to the
     *  allocation lane, up to three times its usual height. */
    Lanes(TimelineModel model, boolean threadsExpanded, double width, double available, TimeRange visible) {
        this.width = width;
        this.visible = visible;
        List<Lane> list = new ArrayList<>();
        MemoryLane memory = null;
        double y = AXIS_HEIGHT + 4;
        double extra = available <= 0 || model == null ? 0
                : Math.max(0, Math.min(2 * ALLOCATION_HEIGHT, available - preferredHeight(model, threadsExpanded, width)));
        if (model != null) {
            if (model.hasAllocation()) {
                list.add(new Lane(Kind.ALLOCATION, y, ALLOCATION_HEIGHT + extra));
                y += ALLOCATION_HEIGHT + extra + GAP;
            }
            if (model.hasHeap()) {
                list.add(new Lane(Kind.HEAP, y, HEAP_HEIGHT));
                y += HEAP_HEIGHT + GAP;
            }
            memory = MemoryLane.of(model, Math.max(1, width - LEFT - RIGHT));
            double memoryHeight = memory == null ? MEMORY_ABSENT_HEIGHT : memory.height();
            list.add(new Lane(Kind.MEMORY, y, memoryHeight));
            y += memoryHeight + GAP;
            if (model.hasCpu()) {
                list.add(new Lane(Kind.CPU, y, CPU_HEIGHT));
                y += CPU_HEIGHT + GAP;
            }
            if (model.sources() != null) {
                int rows = Math.min(MAX_THREAD_ROWS, model.sources().rows().size());
                double h = THREAD_HEADER + rows * THREAD_ROW;
                list.add(new Lane(Kind.SOURCES, y, h));
                y += h + GAP;
            }
            if (model.threads() != null) {
                int rows = threadsExpanded ? Math.min(MAX_THREAD_ROWS, model.threads().rows().size()) : 1;
                double h = THREAD_HEADER + rows * THREAD_ROW;
                list.add(new Lane(Kind.THREADS, y, h));
                y += h + GAP;
            }
        }
        this.lanes = List.copyOf(list);
        this.memory = memory;
        this.height = y;
    }

    /** The lanes' height at their usual sizes in a canvas {@code width} pixels wide (the memory legend may wrap). */
    static double preferredHeight(TimelineModel model, boolean threadsExpanded, double width) {
        return new Lanes(model, threadsExpanded, width, new TimeRange(0, 1)).height;
    }

    /** The lane that draws a series: the memory lane draws every kind of memory, the heap lane GC pauses. */
    static Kind laneOf(dev.firesight.parser.TimeSeries.Kind series) {
        return switch (series) {
            case ALLOCATION_RATE -> Kind.ALLOCATION;
            case GC_PAUSE -> Kind.HEAP;
            case CPU_SAMPLES, JVM_CPU_LOAD, MACHINE_CPU_LOAD -> Kind.CPU;
            default -> Kind.MEMORY;
        };
    }

    Lane at(double y) {
        for (Lane lane : lanes) {
            if (lane.contains(y)) {
                return lane;
            }
        }
        return null;
    }

    Lane lane(Kind kind) {
        for (Lane lane : lanes) {
            if (lane.kind() == kind) {
                return lane;
            }
        }
        return null;
    }

    double plotWidth() {
        return Math.max(1, width - LEFT - RIGHT);
    }

    double x(long nanos) {
        return LEFT + (nanos - visible.fromNanos()) * plotWidth() / Math.max(1, visible.durationNanos());
    }

    long time(double x) {
        double f = (x - LEFT) / plotWidth();
        return visible.fromNanos() + Math.round(f * visible.durationNanos());
    }

    /** The time at x, clamped to the visible range. */
    long clampedTime(double x) {
        return Math.max(visible.fromNanos(), Math.min(visible.toNanos(), time(x)));
    }

    boolean inPlot(double x) {
        return x >= LEFT && x <= LEFT + plotWidth();
    }
}
