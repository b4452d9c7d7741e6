package dev.firesight.app.timeline;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.query.TimeRange;

import java.time.ZoneId;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.input.KeyCode;

/**
 * The recording's timeline: lanes for allocation rate (stacked by top methods or classes), heap after GC
 * with GC pauses, CPU, and per-thread activity, each shown only when the recording has its data, over one
 * shared time axis; and a spike finder listing the high-allocation windows and long GC pauses.
 *
 * <p>Dragging on any lane selects a time range ({@link #selectionProperty()}); its edges can be dragged;
 * a double-click or Esc clears it; {@link #zoomToSelection()} makes the axis show just the selection.
 */
public class RecordingTimeline extends Control {
    public static final String STYLE_CLASS = "timeline";
    public static final String TOOLBAR_STYLE_CLASS = "timeline-toolbar";
    public static final String SELECTION_LABEL_STYLE_CLASS = "timeline-selection-label";
    public static final String SPIKE_PANEL_STYLE_CLASS = "timeline-spike-panel";
    public static final String CANVAS_STYLE_CLASS = "timeline-canvas";
    public static final String TOOLTIP_STYLE_CLASS = "timeline-tooltip";
    public static final String SPIKE_HEADER_STYLE_CLASS = "spike-header";
    public static final String SPIKE_WINDOW_STYLE_CLASS = "spike-window";
    public static final String SPIKE_PAUSE_STYLE_CLASS = "spike-pause";

    private final ObjectProperty<TimelineModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObjectProperty<TimeRange> visibleRange = new SimpleObjectProperty<>(this, "visibleRange");
    private final ObjectProperty<AllocationSites.By> stackBy =
            new SimpleObjectProperty<>(this, "stackBy", AllocationSites.By.METHOD);
    private final BooleanProperty threadsExpanded = new SimpleBooleanProperty(this, "threadsExpanded", false);
    private final ObjectProperty<Consumer<TimeRange>> onCompareWithRest =
            new SimpleObjectProperty<>(this, "onCompareWithRest");
    private final ObjectProperty<TimeRange> baseline = new SimpleObjectProperty<>(this, "baseline");
    private final ObjectProperty<java.util.function.BiConsumer<TimeRange, TimeRange>> onCompareRanges =
            new SimpleObjectProperty<>(this, "onCompareRanges");
    private final BooleanProperty spikeFinderVisible = new SimpleBooleanProperty(this, "spikeFinderVisible", true);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());

    private static final StyleablePropertyFactory<RecordingTimeline> CSS =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());
    private final Map<TimelineColor, StyleableProperty<Color>> colors = new EnumMap<>(TimelineColor.class);

    public RecordingTimeline() {
        for (TimelineColor c : TimelineColor.values()) {
            colors.put(c, CSS.createStyleableColorProperty(this, c.name(), c.cssProperty(),
                    t -> t.colors.get(c), c.initial()));
        }
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        model.addListener((obs, old, m) -> {
            selection.set(null);
            visibleRange.set(m == null ? null : m.full());
        });
        // A range chosen elsewhere (a finding, a spike, Back) is shown whole: an axis zoomed on another part of
        // the recording would leave the flame graph filtered to a range the timeline does not show.
        selection.addListener((obs, old, s) -> {
            TimeRange v = visibleRange.get();
            TimelineModel m = getModel();
            if (s != null && v != null && m != null && (s.fromNanos() < v.fromNanos() || s.toNanos() > v.toNanos())) {
                visibleRange.set(m.full());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && getSelection() != null) {
                clearSelection();
                e.consume();
            }
        });
    }

    public RecordingTimeline(TimelineModel model) {
        this();
        setModel(model);
    }

    /** A colour the lanes are painted in, as the stylesheet sets it. */
    public final Color color(TimelineColor c) {
        return colors.get(c).getValue();
    }

    /** The property behind {@link #color}; listen to it to repaint, set it (or CSS) to theme. */
    @SuppressWarnings("unchecked")
    public final ObjectProperty<Color> colorProperty(TimelineColor c) {
        return (ObjectProperty<Color>) colors.get(c);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    @Override
    public String getUserAgentStylesheet() {
        return RecordingTimeline.class.getResource("timeline.css").toExternalForm();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new RecordingTimelineSkin(this);
    }

    // ---- actions ----

    public void clearSelection() {
        selection.set(null);
    }

    /** Makes the axis show just the selection; does nothing without one. */
    public void zoomToSelection() {
        TimeRange s = getSelection();
        if (s != null && s.durationNanos() > 0) {
            visibleRange.set(s);
        }
    }

    /** Shows the whole recording again. */
    public void resetZoom() {
        TimelineModel m = getModel();
        visibleRange.set(m == null ? null : m.full());
    }

    /** Scrolls the lanes to the one that draws {@code series}, once the timeline is laid out. */
    public void reveal(dev.firesight.parser.TimeSeries.Kind series) {
        revealed.set(null);
        revealed.set(series);
    }

    /** The series {@link #reveal} last asked for, for the skin. */
    final ObjectProperty<dev.firesight.parser.TimeSeries.Kind> revealed = new SimpleObjectProperty<>(this, "revealed");

    /** Selects a spike window. */
    public void select(Spikes.Window window) {
        selection.set(new TimeRange(window.startNanos(), window.endNanos()));
    }

    /** Selects the seconds before a GC pause (the lookback the spike finder used), up to the pause. */
    public void selectBefore(Spikes.Pause pause) {
        selection.set(new TimeRange(pause.lookbackFromNanos(), pause.timeNanos()));
    }

    /** Remembers the selection as the baseline range for {@link #compareWithBaseline()}. */
    public void markBaseline() {
        if (getSelection() != null) {
            baseline.set(getSelection());
        }
    }

    /**
     * Hands the baseline range and the current selection (the target) to
     * {@link #onCompareRangesProperty()}; does nothing without all three.
     */
    public void compareWithBaseline() {
        TimeRange b = baseline.get();
        TimeRange s = getSelection();
        var action = onCompareRanges.get();
        if (b != null && s != null && action != null) {
            action.accept(b, s);
        }
    }

    /** The range marked with "Set as baseline", or null. */
    public final ObjectProperty<TimeRange> baselineProperty() {
        return baseline;
    }

    /** Called with (baseline, selection) by "Compare with baseline". */
    public final ObjectProperty<java.util.function.BiConsumer<TimeRange, TimeRange>> onCompareRangesProperty() {
        return onCompareRanges;
    }

    public final void setOnCompareRanges(java.util.function.BiConsumer<TimeRange, TimeRange> value) {
        onCompareRanges.set(value);
    }

    /** Hands the selection to {@link #onCompareWithRestProperty()}; does nothing without both. */
    public void compareWithRest() {
        TimeRange s = getSelection();
        Consumer<TimeRange> action = getOnCompareWithRest();
        if (s != null && action != null) {
            action.accept(s);
        }
    }

    // ---- properties ----

    public final ObjectProperty<TimelineModel> modelProperty() {
        return model;
    }

    public final TimelineModel getModel() {
        return model.get();
    }

    public final void setModel(TimelineModel value) {
        model.set(value);
    }

    /** The selected time range, or null; setting it selects. */
    public final ObjectProperty<TimeRange> selectionProperty() {
        return selection;
    }

    public final TimeRange getSelection() {
        return selection.get();
    }

    public final void setSelection(TimeRange value) {
        selection.set(value);
    }

    /** What the axis shows: the whole recording, or the range zoomed into. */
    public final ObjectProperty<TimeRange> visibleRangeProperty() {
        return visibleRange;
    }

    public final TimeRange getVisibleRange() {
        return visibleRange.get();
    }

    public final void setVisibleRange(TimeRange value) {
        visibleRange.set(value);
    }

    /** Whether the allocation lane stacks by allocating method or by allocated class. */
    public final ObjectProperty<AllocationSites.By> stackByProperty() {
        return stackBy;
    }

    public final AllocationSites.By getStackBy() {
        return stackBy.get();
    }

    public final void setStackBy(AllocationSites.By value) {
        stackBy.set(value);
    }

    /** Whether the threads lane shows one row per thread. */
    public final BooleanProperty threadsExpandedProperty() {
        return threadsExpanded;
    }

    public final boolean isThreadsExpanded() {
        return threadsExpanded.get();
    }

    public final void setThreadsExpanded(boolean value) {
        threadsExpanded.set(value);
    }

    /** Called with the selection by "Compare with rest". */
    public final ObjectProperty<Consumer<TimeRange>> onCompareWithRestProperty() {
        return onCompareWithRest;
    }

    public final Consumer<TimeRange> getOnCompareWithRest() {
        return onCompareWithRest.get();
    }

    public final void setOnCompareWithRest(Consumer<TimeRange> value) {
        onCompareWithRest.set(value);
    }

    /** Whether the spike finder shows beside the lanes (a narrow timeline starts with it hidden). */
    public final BooleanProperty spikeFinderVisibleProperty() {
        return spikeFinderVisible;
    }

    public final boolean isSpikeFinderVisible() {
        return spikeFinderVisible.get();
    }

    public final void setSpikeFinderVisible(boolean value) {
        spikeFinderVisible.set(value);
    }

    /** The time zone wall-clock times are shown in. */
    public final ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public final ZoneId getZone() {
        return zone.get();
    }

    public final void setZone(ZoneId value) {
        zone.set(value);
    }
}
