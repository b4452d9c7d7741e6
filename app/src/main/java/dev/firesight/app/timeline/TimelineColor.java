package dev.firesight.app.timeline;

import javafx.scene.paint.Color;

/**
 * The colours the timeline paints its lanes in, each a CSS property of {@link RecordingTimeline} (see
 * timeline.css), so a stylesheet themes the lanes as it themes the flame graph. The stacked allocation
 * series keep their own palette, as frame kinds do.
 */
public enum TimelineColor {
    BACKGROUND("-fs-timeline-background", "#ffffff"),
    LANE_BACKGROUND("-fs-timeline-lane-background", "#f7f7f9"),
    GRID("-fs-timeline-grid", "#e2e2e8"),
    TEXT("-fs-timeline-text", "#333333"),
    MUTED("-fs-timeline-muted", "#777777"),
    HEAP("-fs-timeline-heap", "#3f88c5"),
    PAUSE("-fs-timeline-pause", "#9a9aa6"),
    LONG_PAUSE("-fs-timeline-long-pause", "#d62828"),
    CPU_FILL("-fs-timeline-cpu-fill", "#4c9f7073"),
    JVM_LOAD("-fs-timeline-jvm-load", "#2b6a4a"),
    MACHINE_LOAD("-fs-timeline-machine-load", "#9a9aa6"),
    SPIKE("-fs-timeline-spike", "#f3a712e6"),
    SELECTION("-fs-timeline-selection", "#3f88c52e"),
    SELECTION_EDGE("-fs-timeline-selection-edge", "#1d5f99"),
    /** A thread lane's buckets with CPU samples (shaded by how many). */
    THREAD_CPU("-fs-timeline-thread-cpu", "#2b6a4a"),
    /** A thread lane's buckets that only allocated. */
    THREAD_ALLOC("-fs-timeline-thread-alloc", "#e4572e"),
    /** The memory limit that applies (container, -Xmx or physical memory), and growth toward it. */
    MEMORY_LIMIT("-fs-timeline-memory-limit", "#d62828");

    private final String cssProperty;
    private final Color initial;

    TimelineColor(String cssProperty, String initial) {
        this.cssProperty = cssProperty;
        this.initial = Color.web(initial);
    }

    public String cssProperty() {
        return cssProperty;
    }

    /** The colour before any stylesheet applies (the same as timeline.css gives). */
    public Color initial() {
        return initial;
    }
}
