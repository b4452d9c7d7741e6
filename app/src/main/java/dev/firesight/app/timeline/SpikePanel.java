package dev.firesight.app.timeline;

import dev.firesight.app.format.MethodNames;
import dev.firesight.app.format.Units;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.Spikes;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The spike finder: the high-allocation windows (highest peak first) and the long GC pauses, each with
 * its top allocating methods. One click on a window selects it; one click on a pause selects the seconds
 * before it.
 */
final class SpikePanel extends VBox {
    /** A row: either a window or a pause. */
    record Entry(Spikes.Window window, Spikes.Pause pause) {
    }

    private final RecordingTimeline timeline;
    private final ListView<Entry> list = new ListView<>();
    private final Label header = new Label("Spike finder");

    SpikePanel(RecordingTimeline timeline) {
        this.timeline = timeline;
        getStyleClass().add(RecordingTimeline.SPIKE_PANEL_STYLE_CLASS);
        setSpacing(4);
        header.getStyleClass().add(RecordingTimeline.SPIKE_HEADER_STYLE_CLASS);
        header.setWrapText(true);
        // The count of each kind stays whole in a short timeline; the list below gives up the room instead.
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        list.setCellFactory(v -> new EntryCell());
        list.setPlaceholder(new Label("No allocation spikes or long GC pauses."));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
        timeline.modelProperty().addListener(o -> refresh());
        refresh();
    }

    ListView<Entry> list() {
        return list;
    }

    private void refresh() {
        TimelineModel model = timeline.getModel();
        List<Entry> entries = new ArrayList<>();
        if (model != null) {
            model.spikes().windowsByPeak().forEach(w -> entries.add(new Entry(w, null)));
            longestFirst(model.spikes()).forEach(p -> entries.add(new Entry(null, p)));
            header.setText(headerText(model.spikes(), model.spikeJvms()));
        }
        list.setItems(FXCollections.observableList(entries));
    }

    /**
     * The long pauses as the list shows them: longest first, as the allocation spikes come highest first. In time
     * order, a 3-minute recording's 58 ms pause sat somewhere among 160 pauses of 3 ms and more.
     */
    static List<Spikes.Pause> longestFirst(Spikes spikes) {
        List<Spikes.Pause> pauses = new ArrayList<>(spikes.longPauses());
        pauses.sort(java.util.Comparator.comparingLong(Spikes.Pause::durationNanos).reversed()
                .thenComparingLong(Spikes.Pause::timeNanos));
        return pauses;
    }

    /**
     * "Spike finder: 2 allocation spikes, 1 GC pause ≥ 23 ms", or that the recording has no GC events; with
     * several JVMs, whose pauses ("of pid 4455 in a.jfr", "of 2 JVMs").
     */
    static String headerText(dev.firesight.parser.query.Spikes spikes, String jvms) {
        int windows = spikes.windows().size();
        String text = "Spike finder: " + windows + " allocation spike" + (windows == 1 ? "" : "s") + ",\n";
        if (!spikes.hasPauses()) {
            return text + "no GC pauses recorded (no jdk.GarbageCollection events)";
        }
        int pauses = spikes.longPauses().size();
        return text + pauses + " GC pause" + (pauses == 1 ? "" : "s") + " ≥ "
                + TimeFormat.duration(spikes.pauseThresholdNanos()) + (jvms == null ? "" : " of " + jvms);
    }

    /** Selects what an entry stands for on the timeline. */
    void activate(Entry entry) {
        if (entry.window() != null) {
            timeline.select(entry.window());
        } else if (entry.pause() != null) {
            timeline.selectBefore(entry.pause());
        }
    }

    String text(Entry e) {
        return text(e, MethodNames::shortName);
    }

    /**
     * The entry as a cell shows it, naming methods with {@code names}: short in the cell, whole in its
     * tooltip, since a 300-pixel list cuts long method names.
     */
    String text(Entry e, java.util.function.UnaryOperator<String> names) {
        long start = timeline.getModel().full().fromNanos();
        if (e.window() != null) {
            Spikes.Window w = e.window();
            return "Allocation spike " + TimeFormat.relative(w.startNanos() - start) + " – "
                    + TimeFormat.relative(w.endNanos() - start) + "\npeak " + Units.bytes(w.peakRate()) + "/s, "
                    + Units.bytes(w.bytes()) + " in " + TimeFormat.duration(w.durationNanos()) + "\n"
                    + methods(w.topMethods(), names);
        }
        Spikes.Pause p = e.pause();
        // Of several JVMs shown at once, which one paused: the methods listed are its own threads'.
        dev.firesight.parser.Profile profile = timeline.getModel().profile();
        String jvm = profile.jvms().size() < 2 || timeline.getModel().spikeSource() >= 0 ? ""
                : " in " + profile.sources().shortName(p.source());
        return "GC pause " + Units.nanos(p.durationNanos()) + " at " + TimeFormat.relative(p.timeNanos() - start) + jvm
                + "\nclick: the " + TimeFormat.duration(p.timeNanos() - p.lookbackFromNanos()) + " before it\n"
                + methods(p.topMethodsBefore(), names);
    }

    private static String methods(List<AllocationSites.Site> sites, java.util.function.UnaryOperator<String> names) {
        if (sites.isEmpty()) {
            return "  (no allocation samples)";
        }
        return sites.stream().map(s -> "  " + names.apply(s.name()) + "  " + Units.bytes(s.weight()))
                .collect(Collectors.joining("\n"));
    }

    private final class EntryCell extends ListCell<Entry> {
        private final Tooltip whole = new Tooltip();

        EntryCell() {
            // wrap within the list's width rather than cut lines short; the tooltip has the whole names
            setWrapText(true);
            setPrefWidth(0);
            setOnMouseClicked(ev -> {
                if (getItem() != null) {
                    activate(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(RecordingTimeline.SPIKE_WINDOW_STYLE_CLASS, RecordingTimeline.SPIKE_PAUSE_STYLE_CLASS);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
            } else {
                setText(text(item));
                whole.setText(text(item, name -> name));
                setTooltip(whole);
                getStyleClass().add(item.window() != null ? RecordingTimeline.SPIKE_WINDOW_STYLE_CLASS
                        : RecordingTimeline.SPIKE_PAUSE_STYLE_CLASS);
            }
        }
    }
}
