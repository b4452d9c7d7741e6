package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.findings.Findings;
import dev.firesight.parser.findings.Thresholds;
import dev.firesight.parser.query.ClassGrowth;
import dev.firesight.parser.query.LeakSuspects;

import java.util.List;
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
    private final DerivedList<Finding> findings;
    /** The findings about the JVM the thread filter shows (the JVM chooser) and those about all; else all. */
    private final FilteredList<Finding> shownFindings;
    private final ReadOnlyStringWrapper shownFindingsStatus = new ReadOnlyStringWrapper();
    private final DerivedList<LeakSuspects.Suspect> suspects;
    /** The leak suspects of the JVM the chooser shows, by the same rule as {@link #shownFindings}. */
    private final FilteredList<LeakSuspects.Suspect> shownSuspects;
    private final ReadOnlyStringWrapper shownSuspectsStatus = new ReadOnlyStringWrapper();
    private final DerivedList<ClassGrowth.Growth> growth;

    InsightsViewModel(TaskRunner tasks, ObservableValue<Profile> profile, RecordingQueryViewModel query) {
        this.query = query;
        this.profile = profile;
        this.findings = new DerivedList<>(tasks, profile, "findings", p -> Findings.of(p, Thresholds.DEFAULTS),
                p -> "Nothing stands out: " + Findings.NONE_FIRED + ".");
        this.shownFindings = new FilteredList<>(findings.items());
        this.suspects = new DerivedList<>(tasks, profile, "leak suspects", LeakSuspects::of,
                p -> p.oldObjects().isEmpty() ? capitalized(LeakSuspects.NO_SAMPLES) + "."
                        : "No sampled object outlived the recording.");
        this.shownSuspects = new FilteredList<>(suspects.items());
        for (Observable o : new Observable[] {query.threadsProperty(), profile, findings.items(),
                findings.statusProperty(), suspects.items(), suspects.statusProperty()}) {
            o.addListener(x -> refilter());
        }
        refilter();
        this.growth = new DerivedList<>(tasks, profile, "growing classes", ClassGrowth::of,
                p -> !p.hasLiveBytesByClass() ? "The recording has no live bytes per class (JFR's"
                        + " jdk.ObjectCountAfterGC, off by default: `firesight record --preset memory-leak` turns it"
                        + " on)." : "No class's live bytes grow over the recording.");
    }

    public DerivedList<Finding> findings() {
        return findings;
    }

    /**
     * The findings the Findings tab lists: with one JVM of a folder shown (the JVM chooser), those about it and
     * those about every JVM, not another JVM's; else all of them.
     */
    public ObservableList<Finding> shownFindings() {
        return shownFindings;
    }

    /** Why the Findings tab lists none: the findings' own status, or that the JVM shown has none of its own. */
    public ReadOnlyStringProperty shownFindingsStatusProperty() {
        return shownFindingsStatus.getReadOnlyProperty();
    }

    /** True when the recording is of several JVMs, so a finding about all of them says so. */
    public boolean severalJvms() {
        Profile p = profile.getValue();
        return p != null && p.jvms().size() > 1;
    }

    /**
     * With one JVM of a folder shown, each list keeps what is about that JVM or about all of them (source -1),
     * and says so when that leaves nothing of what the list has.
     */
    private void refilter() {
        Profile p = profile.getValue();
        int jvm = p == null ? -1 : p.sources().owner(query.threadsProperty().get());
        show(p, jvm, shownFindings, findings, shownFindingsStatus, f -> f.evidence().source(), "findings");
        show(p, jvm, shownSuspects, suspects, shownSuspectsStatus, LeakSuspects.Suspect::source, "leak suspects");
    }

    private static <T> void show(Profile p, int jvm, FilteredList<T> shown, DerivedList<T> all,
                                 ReadOnlyStringWrapper status, java.util.function.ToIntFunction<T> source, String what) {
        shown.setPredicate(jvm < 0 ? null : t -> source.applyAsInt(t) < 0 || source.applyAsInt(t) == jvm);
        status.set(jvm >= 0 && shown.isEmpty() && !all.items().isEmpty()
                ? "No " + what + " about " + p.sources().shortName(jvm) + "; choose All JVMs to see the others'."
                : all.statusProperty().get());
    }

    /** The leak suspects the Leak suspects tab lists: those of the JVM the chooser shows, else all. */
    public ObservableList<LeakSuspects.Suspect> shownSuspects() {
        return shownSuspects;
    }

    /** Why the Leak suspects tab lists none: the list's own status, or that the JVM shown has none of its own. */
    public ReadOnlyStringProperty shownSuspectsStatusProperty() {
        return shownSuspectsStatus.getReadOnlyProperty();
    }


    /** The classes whose live bytes grow, fastest first, from the heap's per-class counts after GC. */
    public DerivedList<ClassGrowth.Growth> growth() {
        return growth;
    }

    /** Opens the view, range and frame that show a finding. */
    public void open(Finding finding) {
        query.open(finding.evidence());
    }

    /** Shows where a growing class is allocated: the allocation view, searched for the class. */
    public void open(ClassGrowth.Growth g) {
        query.open(Finding.Evidence.of(ViewKind.ALLOC).focus(g.className()));
    }

    /** Opens where a suspect was allocated in the flame graph. */
    public void open(LeakSuspects.Suspect suspect) {
        query.openStack(suspect.stack(), LEAK_VIEWS);
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
