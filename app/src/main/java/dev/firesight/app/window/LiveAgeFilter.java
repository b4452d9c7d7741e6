package dev.firesight.app.window;

import dev.firesight.parser.ViewKind;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * "Older than …" for the live-objects view: what has stayed alive a long time is what leaks, so the user picks
 * an age and the view keeps the objects allocated at least that long before the recording ended. Shown only in
 * that view.
 */
final class LiveAgeFilter {
    /** The ages offered, in nanoseconds; 0 is every age. */
    static final List<Long> AGES = List.of(0L, 10_000_000_000L, 60_000_000_000L, 600_000_000_000L, 3_600_000_000_000L);

    private final ComboBox<Long> ages = new ComboBox<>();

    LiveAgeFilter(RecordingTabViewModel vm) {
        ages.setId("live-age");
        ages.getItems().setAll(AGES);
        ages.setValue(0L);
        ages.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Long age) {
                return age == null || age == 0 ? "Any age" : "Alive for " + dev.firesight.app.format.Units.nanos(age) + "+";
            }

            @Override
            public Long fromString(String s) {
                return 0L;
            }
        });
        ages.setTooltip(new Tooltip("Keep the objects still alive that were allocated at least this long before"
                + " the recording ended"));
        ages.valueProperty().addListener((o, a, age) -> vm.query().showOlderThan(age == null ? 0 : age));
        ages.visibleProperty().bind(vm.viewProperty().isEqualTo(ViewKind.LIVE));
        ages.managedProperty().bind(ages.visibleProperty());
        // Another range chosen elsewhere (the timeline) is no longer "any age".
        vm.timeRangeProperty().addListener((o, a, r) -> {
            if (r == null && ages.getValue() != null && ages.getValue() != 0) {
                ages.setValue(0L);
            }
        });
    }

    Node node() {
        return ages;
    }
}
