package dev.firesight.app.window;

import dev.firesight.parser.ViewKind;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * "Older than …" for the live-objects view: what has stayed alive a long time is what leaks, so the user picks
 * an age and the view keeps the objects allocated at least that long before the recording ended, within the
 * range the user chose (which "any age" gives back). Shown only in that view.
 */
final class LiveAgeFilter {
    /** The ages offered, in nanoseconds, where the recording is longer; 0 is every age. */
    static final List<Long> AGES = List.of(0L, 1_000_000_000L, 10_000_000_000L, 60_000_000_000L, 600_000_000_000L,
            3_600_000_000_000L);

    private final ComboBox<Long> ages = new ComboBox<>();

    LiveAgeFilter(RecordingTabViewModel vm) {
        ages.setId("live-age");
        ages.getItems().setAll(AGES);
        ages.setValue(0L);
        // Only ages shorter than the recording: a longer one can only leave nothing.
        vm.profileProperty().addListener((o, a, p) -> ages.getItems().setAll(AGES.stream()
                .filter(age -> p == null || age < p.info().durationNanos()).toList()));
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
        // A range chosen elsewhere (the timeline) replaces the age's: the chooser says "any age" again.
        vm.query().olderThanProperty().addListener((o, a, age) -> ages.setValue(age.longValue()));
    }

    Node node() {
        return ages;
    }
}
