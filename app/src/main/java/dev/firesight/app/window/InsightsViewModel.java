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
import javafx.beans.value.ObservableValue;

/**
 * What a recording tab explains beside its flame graph: the findings, and the leak suspects, each computed
 * once per profile in the background, and each opening its evidence in the tab's query.
 */
public final class InsightsViewModel {
    /** Where a leak suspect's allocation stack opens: what stays alive, else what was allocated. */
    static final List<ViewKind> LEAK_VIEWS = List.of(ViewKind.LIVE, ViewKind.ALLOC, ViewKind.ALLOC_COUNT);

    private final RecordingQueryViewModel query;
    private final DerivedList<Finding> findings;
    private final DerivedList<LeakSuspects.Suspect> suspects;
    private final DerivedList<ClassGrowth.Growth> growth;

    InsightsViewModel(TaskRunner tasks, ObservableValue<Profile> profile, RecordingQueryViewModel query) {
        this.query = query;
        this.findings = new DerivedList<>(tasks, profile, "findings", p -> Findings.of(p, Thresholds.DEFAULTS),
                p -> "Nothing stands out: " + Findings.NONE_FIRED + ".");
        this.suspects = new DerivedList<>(tasks, profile, "leak suspects", LeakSuspects::of,
                p -> p.oldObjects().isEmpty() ? capitalized(LeakSuspects.NO_SAMPLES) + "."
                        : "No sampled object outlived the recording.");
        this.growth = new DerivedList<>(tasks, profile, "growing classes", ClassGrowth::of,
                p -> !p.hasLiveBytesByClass() ? "The recording has no live bytes per class (JFR's"
                        + " jdk.ObjectCountAfterGC, off by default: `firesight record --preset memory-leak` turns it"
                        + " on)." : "No class's live bytes grow over the recording.");
    }

    public DerivedList<Finding> findings() {
        return findings;
    }

    public DerivedList<LeakSuspects.Suspect> suspects() {
        return suspects;
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
