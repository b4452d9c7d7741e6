package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.findings.Findings;
import dev.firesight.parser.findings.Thresholds;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.query.ClassGrowth;
import dev.firesight.parser.query.LeakSuspects;

import java.util.List;
import java.util.function.ToIntFunction;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * What a recording tab explains beside its flame graph: the findings, and the leak suspects, each computed
 * once per profile in the background, and each opening its evidence in the tab's query.
 */
public final class InsightsViewModel {
    /** Where a leak suspect's allocation stack opens: what stays alive, else what was allocated. */
    static final List<ViewKind> LEAK_VIEWS = List.of(ViewKind.LIVE, ViewKind.ALLOC, ViewKind.ALLOC_COUNT);

    private final RecordingQueryViewModel query;
    private final ObservableValue<Profile> profile;
    /**
     * The tab's profile once its flame graph is computed, else null: the lists are computed from this one, so that
     * on two cores they do not take CPU from the flame graph the user waits for (see
     * {@link RecordingQueryViewModel#afterFirstResult}).
     */
    private final javafx.beans.property.ObjectProperty<Profile> drawn = new javafx.beans.property.SimpleObjectProperty<>();
    /**
     * The drawn profile within the time selection, which the findings are of. Held here: a binding listens to what
     * it depends on weakly, and one that only the findings' list listened to was collected, leaving the list empty.
     */
    private final javafx.beans.binding.ObjectBinding<Profile> inRange;
    private final javafx.beans.binding.ObjectBinding<TimeRange> findingsRange;
    private final ReadOnlyStringWrapper suspectsBasis = new ReadOnlyStringWrapper("");
    private final DerivedList<Finding> findings;
    private final DerivedList<LeakSuspects.Suspect> suspects;
    private final DerivedList<ClassGrowth.Growth> growth;
    /** Each list as its tab shows it: about the JVM the chooser shows and about all of them; else everything. */
    private final OfShownJvm<Finding> shownFindings;
    private final OfShownJvm<LeakSuspects.Suspect> shownSuspects;
    private final OfShownJvm<ClassGrowth.Growth> shownGrowth;

    InsightsViewModel(TaskRunner tasks, ObservableValue<Profile> profile, RecordingQueryViewModel query) {
        this.query = query;
        this.profile = profile;
        profile.addListener((o, a, p) -> drawWhenComputed(p));
        drawWhenComputed(profile.getValue());
        // Findings follow the time selection, as the flame graph and tables do: of a burst, they explain the burst.
        inRange = javafx.beans.binding.Bindings.createObjectBinding(() -> {
            Profile p = drawn.get();
            TimeRange r = query.timeRangeProperty().get();
            return p == null || r == null ? p : p.within(r.fromNanos(), r.toNanos());
        }, drawn, query.timeRangeProperty());
        findingsRange = javafx.beans.binding.Bindings.createObjectBinding(() -> {
            Profile p = drawn.get();
            TimeRange r = query.timeRangeProperty().get();
            long start = p == null ? 0 : p.info().startNanos();
            return p == null || r == null ? null : new TimeRange(r.fromNanos() - start, r.toNanos() - start);
        }, drawn, query.timeRangeProperty());
        this.findings = new DerivedList<>(tasks, inRange, "findings", p -> Findings.of(p, Thresholds.DEFAULTS),
                p -> "Nothing stands out: " + Findings.NONE_FIRED + ".");
        this.suspects = new DerivedList<>(tasks, drawn, "leak suspects", LeakSuspects::listed,
                p -> capitalized(p.oldObjects().isEmpty() ? LeakSuspects.noSamples(p) : LeakSuspects.NONE_LISTED) + ".");
        this.growth = new DerivedList<>(tasks, drawn, "growing classes", ClassGrowth::of,
                // Whether the event was on is not what decides: on, it still counts only at collections that mark
                // the whole heap, and a 45 s recording of a young-collected heap had none (the hint said "off").
                p -> !p.hasLiveBytesByClass() ? "The recording has no live bytes per class: JFR's"
                        + " jdk.ObjectCountAfterGC was off (it is by default), or on with no collection that marked the"
                        + " whole heap (a full GC or a concurrent cycle; record longer). \u201cfiresight record --preset"
                        + " memory-leak --engine jfr\u201d turns it on, as does"
                        + " -XX:StartFlightRecording:jdk.ObjectCountAfterGC#enabled=true on JDK 17 and later."
                        : "No class's live bytes grow over the recording.");
        this.shownFindings = new OfShownJvm<>(findings, f -> f.evidence().source(), "findings about");
        this.shownSuspects = new OfShownJvm<>(suspects, LeakSuspects.Suspect::source, "leak suspects in");
        this.shownGrowth = new OfShownJvm<>(growth, ClassGrowth.Growth::source, "growing classes in");
        query.threadsProperty().addListener(x -> refilter());
        profile.addListener(x -> refilter());
        refilter();
    }

    /**
     * Of which part of the recording the findings are: the time selection, from the recording's start, or null for
     * the whole recording.
     */
    public javafx.beans.binding.ObjectBinding<TimeRange> findingsRangeProperty() {
        return findingsRange;
    }

    /** What the leak suspects are drawn from (see {@link LeakSuspects#basis}), or "" before or without any. */
    public ReadOnlyStringProperty suspectsBasisProperty() {
        return suspectsBasis.getReadOnlyProperty();
    }

    private void drawWhenComputed(Profile p) {
        drawn.set(null);
        String basis = p == null ? null : LeakSuspects.basis(p);
        suspectsBasis.set(basis == null ? "" : capitalized(basis) + ".");
        if (p != null) {
            query.afterFirstResult(p, () -> {
                if (profile.getValue() == p) {
                    drawn.set(p);
                }
            });
        }
    }

    /**
     * One of the tab's lists as it is shown: with one JVM of a folder shown (the JVM chooser), what is about that
     * JVM or about all of them (source -1), not another JVM's, and a sentence that says so when that leaves none.
     * One rule for every list, so Findings, Leak suspects and Live set never disagree about which JVM is shown.
     */
    private final class OfShownJvm<T> {
        final FilteredList<T> items;
        final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
        private final DerivedList<T> all;
        private final ToIntFunction<T> source;
        private final String what;

        OfShownJvm(DerivedList<T> all, ToIntFunction<T> source, String what) {
            this.all = all;
            this.source = source;
            this.what = what;
            this.items = new FilteredList<>(all.items());
            all.items().addListener((Observable x) -> refilter());
            all.statusProperty().addListener(x -> refilter());
        }

        void show(int jvm) {
            items.setPredicate(jvm < 0 ? null : t -> source.applyAsInt(t) < 0 || source.applyAsInt(t) == jvm);
            status.set(jvm >= 0 && items.isEmpty() && !all.items().isEmpty()
                    ? "No " + what + " " + profile.getValue().sources().shortName(jvm) + ". All JVMs lists every JVM's."
                    : all.statusProperty().get());
        }
    }

    /** The findings the Findings tab lists (see {@link OfShownJvm}). */
    public ObservableList<Finding> shownFindings() {
        return shownFindings.items;
    }

    /** Why the Findings tab lists none: the findings' own status, or that the JVM shown has none of its own. */
    public ReadOnlyStringProperty shownFindingsStatusProperty() {
        return shownFindings.status.getReadOnlyProperty();
    }

    /** The leak suspects the Leak suspects tab lists (see {@link OfShownJvm}). */
    public ObservableList<LeakSuspects.Suspect> shownSuspects() {
        return shownSuspects.items;
    }

    public ReadOnlyStringProperty shownSuspectsStatusProperty() {
        return shownSuspects.status.getReadOnlyProperty();
    }

    /** The growing classes the Live set tab lists (see {@link OfShownJvm}), fastest first. */
    public ObservableList<ClassGrowth.Growth> shownGrowth() {
        return shownGrowth.items;
    }

    public ReadOnlyStringProperty shownGrowthStatusProperty() {
        return shownGrowth.status.getReadOnlyProperty();
    }

    /** True when the recording is of several JVMs, so a finding about all of them says so. */
    public boolean severalJvms() {
        Profile p = profile.getValue();
        return p != null && p.jvms().size() > 1;
    }

    private void refilter() {
        if (shownGrowth == null) {
            return; // still being made: the lists' listeners fire as they are filled
        }
        Profile p = profile.getValue();
        int jvm = p == null ? -1 : p.sources().owner(query.threadsProperty().get());
        for (OfShownJvm<?> list : List.of(shownFindings, shownSuspects, shownGrowth)) {
            list.show(jvm);
        }
    }

    /** Opens the view, range and frame that show a finding. */
    public void open(Finding finding) {
        query.open(finding.evidence());
    }

    /** Shows where a growing class is allocated: the allocation view of its JVM, searched for the class. */
    public void open(ClassGrowth.Growth g) {
        Finding.Evidence evidence = Finding.Evidence.of(ViewKind.ALLOC).focus(g.className());
        query.open(g.source() < 0 ? evidence : evidence.source(g.source()));
    }

    /** Opens where a suspect was allocated in the flame graph. */
    public void open(LeakSuspects.Suspect suspect) {
        query.openStack(suspect.stack(), LEAK_VIEWS, suspect.source());
    }

    void dispose() {
        findings.dispose();
        suspects.dispose();
        growth.dispose();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
