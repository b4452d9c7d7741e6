package dev.firesight.app.timeline;

import dev.firesight.parser.query.AllocationSites;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SkinBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * The default look of a {@link RecordingTimeline}: a toolbar, the lanes canvas (scrolling up and down when the lanes
 * are taller than the room), and the spike finder beside it.
 */
public class RecordingTimelineSkin extends SkinBase<RecordingTimeline> {
    private final TimelineCanvas canvas;
    private final SpikePanel spikes;
    private final Label selectionLabel = new Label();
    /** Below this width the spike finder starts hidden, so the lanes keep their room. */
    static final double WIDE = 1000;
    static final String LANES_STYLE_CLASS = "timeline-lanes";
    private boolean userToggledSpikes;

    public RecordingTimelineSkin(RecordingTimeline control) {
        super(control);
        canvas = new TimelineCanvas(control);
        spikes = new SpikePanel(control);
        spikes.setPrefWidth(300);
        spikes.setPadding(new Insets(0, 0, 0, 6));

        ToggleGroup group = new ToggleGroup();
        ToggleButton byMethod = new ToggleButton("By method");
        ToggleButton byClass = new ToggleButton("By class");
        byMethod.setToggleGroup(group);
        byClass.setToggleGroup(group);
        byMethod.setSelected(control.getStackBy() == AllocationSites.By.METHOD);
        byClass.setSelected(control.getStackBy() == AllocationSites.By.CLASS);
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                control.setStackBy(now == byMethod ? AllocationSites.By.METHOD : AllocationSites.By.CLASS);
            }
        });
        control.stackByProperty().addListener((o, old, by) -> (by == AllocationSites.By.METHOD ? byMethod : byClass)
                .setSelected(true));

        Button zoom = new Button("Zoom in");
        zoom.setTooltip(new javafx.scene.control.Tooltip("Zoom the time axis to the selection"));
        zoom.setOnAction(e -> control.zoomToSelection());
        zoom.disableProperty().bind(control.selectionProperty().isNull());
        Button reset = new Button("Show all");
        reset.setOnAction(e -> control.resetZoom());
        reset.disableProperty().bind(Bindings.createBooleanBinding(() -> control.getModel() == null
                || control.getModel().full().equals(control.getVisibleRange()), control.visibleRangeProperty(),
                control.modelProperty()));
        Button compare = new Button("Compare with rest");
        compare.setOnAction(e -> control.compareWithRest());
        compare.disableProperty().bind(control.selectionProperty().isNull()
                .or(control.onCompareWithRestProperty().isNull()));

        Button markBaseline = new Button("Set as baseline");
        markBaseline.setTooltip(new javafx.scene.control.Tooltip(
                "Remember this selection, then select another range and compare the two"));
        markBaseline.setOnAction(e -> control.markBaseline());
        markBaseline.disableProperty().bind(control.selectionProperty().isNull());
        Button compareRanges = new Button("Compare with baseline");
        compareRanges.setOnAction(e -> control.compareWithBaseline());
        compareRanges.disableProperty().bind(control.selectionProperty().isNull()
                .or(control.baselineProperty().isNull()).or(control.onCompareRangesProperty().isNull())
                .or(control.selectionProperty().isEqualTo(control.baselineProperty())));

        selectionLabel.getStyleClass().add(RecordingTimeline.SELECTION_LABEL_STYLE_CLASS);
        selectionLabel.setMinWidth(Region.USE_PREF_SIZE);
        selectionLabel.textProperty().bind(Bindings.createStringBinding(this::selectionText,
                control.selectionProperty(), control.modelProperty(), control.zoneProperty()));

        // The range's own way out, beside it: double-click and Esc (with the timeline focused) clear it too, but a
        // user found no visible way.
        Button clear = new Button("\u2715");
        clear.setId("timeline-clear-selection");
        clear.getStyleClass().add("timeline-clear-selection");
        clear.setTooltip(new javafx.scene.control.Tooltip("Clear the range: the whole recording again (Esc, or"
                + " double-click the timeline)"));
        clear.setOnAction(e -> control.clearSelection());
        clear.visibleProperty().bind(control.selectionProperty().isNotNull());
        clear.managedProperty().bind(clear.visibleProperty());

        ToggleButton spikeToggle = new ToggleButton();
        // Both counts: one sum read as allocation spikes where summary said there were none (166 long GC pauses).
        spikeToggle.textProperty().bind(Bindings.createStringBinding(() -> control.getModel() == null ? "Spikes"
                : "Spikes (" + control.getModel().spikes().windows().size() + ") \u00b7 pauses ("
                + control.getModel().spikes().longPauses().size() + ")", control.modelProperty()));
        spikeToggle.selectedProperty().bindBidirectional(control.spikeFinderVisibleProperty());
        spikeToggle.setOnAction(e -> userToggledSpikes = true);

        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(6, 4, byMethod, byClass, zoom, reset,
                compare, markBaseline, compareRanges, spikeToggle, selectionLabel, clear);
        for (javafx.scene.Node n : toolbar.getChildren()) {
            if (n instanceof javafx.scene.control.Control c && n != selectionLabel) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4));
        toolbar.getStyleClass().add(RecordingTimeline.TOOLBAR_STYLE_CLASS);

        BorderPane root = new BorderPane();
        root.setTop(toolbar);
        // Beside the lanes when there is room; in a narrow control hidden until asked for.
        control.widthProperty().addListener((o, old, w) -> {
            if (!userToggledSpikes) {
                control.setSpikeFinderVisible(w.doubleValue() >= WIDE);
            }
        });
        control.spikeFinderVisibleProperty().addListener((o, old, v) -> root.setRight(v ? spikes : null));
        // The lanes keep their height and scroll when the tab gives the timeline less: clipped, the allocation
        // lane lost its baseline and the heap, memory, CPU and thread lanes were out of reach without dragging
        // the divider, with nothing saying they were there.
        ScrollPane lanes = new ScrollPane(canvas);
        lanes.setFitToWidth(true);
        lanes.setFitToHeight(true);
        lanes.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        lanes.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        lanes.getStyleClass().add(LANES_STYLE_CLASS);
        // A lane asked for (a finding read on it) is scrolled to once the lanes have a viewport: the timeline may
        // just have been brought back, and is laid out in the next pulse.
        control.revealed.addListener((o, was, series) -> reveal(lanes));
        lanes.viewportBoundsProperty().addListener((o, was, now) -> reveal(lanes));
        root.setCenter(lanes);
        root.setRight(control.isSpikeFinderVisible() ? spikes : null);
        getChildren().add(root);
    }

    private void reveal(ScrollPane lanes) {
        dev.firesight.parser.TimeSeries.Kind series = getSkinnable().revealed.get();
        double room = lanes.getViewportBounds().getHeight();
        Lanes laid = canvas.lanes();
        Lanes.Lane lane = series == null ? null : laid.lane(Lanes.laneOf(series));
        if (lane == null || room <= 0) {
            return;
        }
        getSkinnable().revealed.set(null); // once: the user scrolls on from there
        double beyond = laid.height - room;
        lanes.setVvalue(beyond <= 0 ? 0 : Math.max(0, Math.min(1, (lane.y() - Lanes.GAP) / beyond)));
    }

    private String selectionText() {
        RecordingTimeline t = getSkinnable();
        if (t.getModel() == null) {
            return "";
        }
        if (t.getSelection() == null) {
            return "Drag on the timeline to select a range";
        }
        return "Selected " + TimeFormat.range(t.getSelection(), t.getModel().full().fromNanos(), t.getZone());
    }

    /** The lanes canvas, for tests that drag on it. */
    public javafx.scene.canvas.Canvas canvas() {
        return canvas.canvas();
    }

    /** The x of a time on the canvas, at the current width and zoom. */
    public double xOf(long nanos) {
        return canvas.lanes().x(nanos);
    }

    /** The time at an x on the canvas, at the current width and zoom. */
    public long timeAt(double x) {
        return canvas.lanes().time(x);
    }

    /** The y of the middle of a lane ("ALLOCATION", "HEAP", "CPU", "THREADS"), or -1 when absent. */
    public double laneMiddle(String kind) {
        Lanes.Lane lane = canvas.lanes().lane(Lanes.Kind.valueOf(kind));
        return lane == null ? -1 : lane.y() + lane.height() / 2;
    }

    /** The lanes as laid out now. */
    Lanes lanes() {
        return canvas.lanes();
    }

    /** A lane as laid out now, or null when absent. */
    Lanes.Lane lane(Lanes.Kind kind) {
        return canvas.lanes().lane(kind);
    }

    /** The tooltip the canvas shows at a point, or null. */
    public String tooltipAt(double x, double y) {
        return canvas.tooltip(x, y);
    }

    SpikePanel spikePanel() {
        return spikes;
    }

    public javafx.scene.control.ListView<?> spikeList() {
        return spikes.list();
    }

    public Label selectionLabel() {
        return selectionLabel;
    }
}
