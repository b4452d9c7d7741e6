package dev.firesight.app.window;

import dev.firesight.app.format.Units;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: the selected recording's file, the samples and total weight of what is shown, and
 * memory: what the loaded recordings' samples take and the JVM heap in use.
 */
final class StatusBarView {
    private final HBox root = new HBox(18);
    private final Label file = new Label();
    private final Label samples = new Label();
    private final Label total = new Label();
    private final Label memory = new Label();
    private final MainWindowViewModel vm;
    private final InvalidationListener refresh = o -> refresh();
    private RecordingTabViewModel watched;
    /** The comparison (or other non-recording tab) shown instead of a recording, or null. */
    private DescribedTab shown;

    StatusBarView(MainWindowViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("status-bar");
        file.setId("status-file");
        samples.setId("status-samples");
        total.setId("status-total");
        memory.setId("status-memory");
        memory.setTooltip(new javafx.scene.control.Tooltip("The heap the open recordings' samples and stacks take, and"
                + " the JVM's heap in use of its maximum (-Xmx)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(file, samples, total, spacer, memory);
        vm.selectedProperty().addListener((o, a, b) -> watch(b));
        vm.tabs().addListener(refresh);
        watch(vm.selectedProperty().get());
    }

    HBox node() {
        return root;
    }

    private void watch(RecordingTabViewModel tab) {
        if (watched != null) {
            watched.resultProperty().removeListener(refresh);
            watched.stateProperty().removeListener(refresh);
        }
        watched = tab;
        if (tab != null) {
            tab.resultProperty().addListener(refresh);
            tab.stateProperty().addListener(refresh);
        }
        refresh();
    }

    /** Describes a tab that is not a recording's while it is shown; null to describe the selected recording. */
    void show(DescribedTab tab) {
        if (shown == tab) {
            return;
        }
        if (shown != null) {
            shown.statusText().removeListener(refresh);
        }
        shown = tab;
        if (tab != null) {
            tab.statusText().addListener(refresh);
        }
        refresh();
    }

    void refresh() {
        RecordingTabViewModel tab = watched;
        if (shown != null) {
            file.setText(shown.statusText().get());
            samples.setText("");
            total.setText("");
        } else if (tab == null) {
            file.setText("No recording");
            samples.setText("");
            total.setText("");
        } else {
            file.setText(tab.path().toString());
            QueryResult r = tab.resultProperty().get();
            ViewKind view = tab.viewProperty().get();
            boolean stopped = tab.stoppedProperty().get();
            // Only the figures of the profile the tab holds now: once reading ends, a partial profile's flame graph
            // stays until the complete one's query is done, and its total ("2,754 samples" of 1,121,025) is no total.
            boolean current = r != null && (stopped || r.loaded() == tab.profileProperty().get());
            if (!current || view == null
                    || tab.stateProperty().get() != RecordingTabViewModel.State.READY && !stopped) {
                samples.setText("");
                total.setText("");
            } else {
                String[] texts = figures(view, r.weights().samples(), r.weights().total());
                samples.setText(texts[0]);
                // a read that stopped early leaves figures of part of the recording: said so, as the bar does
                total.setText(stopped ? texts[1] + " (of what was read)" : texts[1]);
            }
        }
        refreshMemory();
    }

    /**
     * The event count and total of a view, each said once in its own unit. In a view weighed in samples
     * the total is the sample count (a wall-clock event can stand for several samples), so the event
     * count is left out rather than shown as a second, different "samples" figure.
     */
    static String[] figures(ViewKind view, long events, long total) {
        String sum = view.title() + " total: " + Units.weight(total, view.unit());
        return view.unit() == ViewKind.Unit.SAMPLES ? new String[] {"", sum}
                : new String[] {Units.count(events) + " " + view.eventNoun(), sum};
    }

    /** Recomputes the memory figures; the window calls this every few seconds. */
    void refreshMemory() {
        long recordings = 0;
        for (RecordingTabViewModel t : vm.tabs()) {
            Profile p = t.profileProperty().get();
            if (p != null) {
                recordings += p.retainedBytes();
            }
        }
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        // "Recordings 1.8 MiB" beside an 11 MB file read as a file size; it is what the loaded profiles hold
        String heap = "Heap " + Units.bytes(used) + " of " + Units.bytes(rt.maxMemory());
        memory.setText(recordings == 0 ? heap : "Loaded profiles " + Units.bytes(recordings) + " · " + heap);
    }

    Label fileLabel() {
        return file;
    }

    Label totalLabel() {
        return total;
    }

    Label samplesLabel() {
        return samples;
    }

    Label memoryLabel() {
        return memory;
    }
}
