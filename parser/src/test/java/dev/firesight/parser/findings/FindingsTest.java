package dev.firesight.parser.findings;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.NativeWorkload;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule fires on a real workload that has its cause, and no rule fires on a quiet one. */
class FindingsTest {
    /**
     * The defaults, but for the rates a rule needs before it fires: on a machine busy with other work a
     * workload allocates and throws less per second than when it has the machine alone, and these tests
     * check what each rule recognises, not how busy the machine was. {@link #noRuleFiresOnAQuietRecording}
     * checks the defaults' rate gate.
     */
    static final Thresholds WORKLOAD = new Thresholds(1e6, Thresholds.DEFAULTS.dominantSite(),
            Thresholds.DEFAULTS.boxing(), Thresholds.DEFAULTS.strings(), Thresholds.DEFAULTS.resizing(),
            Thresholds.DEFAULTS.outsideTlab(), 50, Thresholds.DEFAULTS.gcOverhead(),
            Thresholds.DEFAULTS.longPauseNanos(), Thresholds.DEFAULTS.lockedThreads(),
            Thresholds.DEFAULTS.dominantMonitor(), Thresholds.DEFAULTS.leakObjects(),
            Thresholds.DEFAULTS.nativeLeakRate());

    @ParameterizedTest(name = "{1} on the {0} workload")
    @CsvSource({"boxing,boxing", "strings,strings", "resizing,resizing", "exceptions,exceptions",
            "lock,lock-contention", "boxing,dominant-site",
            "large,outside-tlab"})
    void theRuleFiresOnItsWorkload(String workload, String rule) throws Exception {
        List<Finding> findings = Findings.of(Recordings.open(TestRecordings.findings(workload)), WORKLOAD);
        Finding finding = findings.stream().filter(f -> f.rule().equals(rule)).findFirst().orElse(null);
        assertNotNull(finding, rule + " fires on " + workload + ": " + findings);
        assertTrue(finding.share() > 0 && finding.share() <= 1, finding.toString());
        assertNotNull(finding.evidence().view(), "a finding opens a view");
    }

    /** Small objects churned fast are no outside-TLAB finding; the large buffers are, with their site. */
    /**
     * Findings of a part of the time (the window's time selection) are of that part: the quiet second before the
     * burst allocates too little for any allocation finding, the burst itself has the dominant site at its own
     * rate, and opening that finding keeps the part.
     */
    @Test
    void findingsOfAPartAreOfThatPart() throws Exception {
        dev.firesight.parser.query.BurstRecording burst = dev.firesight.parser.query.BurstRecording.load();
        Profile all = burst.profile();
        Finding whole = Findings.of(all, Thresholds.DEFAULTS).stream().filter(f -> f.rule().equals("dominant-site"))
                .findFirst().orElseThrow();

        Profile quiet = all.within(all.time().fromNanos(), burst.burstStartNanos() - 200_000_000L);
        assertTrue(quiet.recordedNanos() < all.recordedNanos());
        assertEquals(List.of(), Findings.of(quiet, Thresholds.DEFAULTS).stream().map(Finding::rule)
                .filter(r -> r.equals("dominant-site")).toList(), "the quiet part repeats no finding of the burst");

        Profile loud = all.within(burst.burstStartNanos(), burst.burstEndNanos());
        Finding site = Findings.of(loud, Thresholds.DEFAULTS).stream().filter(f -> f.rule().equals("dominant-site"))
                .findFirst().orElseThrow();
        assertTrue(!site.sentence().equals(whole.sentence()), "its rate is over the burst's second: " + site.sentence());
        assertEquals(loud.time().fromNanos(), site.evidence().fromNanos(), "opening it keeps the part");
        assertEquals(loud.time().toNanos(), site.evidence().toNanos());
    }

    @Test
    void onlyLargeObjectsAreCalledOutsideTlab() throws Exception {
        Profile boxing = Recordings.open(TestRecordings.findings("boxing"));
        assertTrue(Findings.of(boxing, WORKLOAD).stream().noneMatch(f -> f.rule().equals("outside-tlab")));
        Finding large = Findings.of(Recordings.open(TestRecordings.findings("large")), WORKLOAD).stream()
                .filter(f -> f.rule().equals("outside-tlab")).findFirst().orElseThrow();
        assertTrue(large.sentence().contains("most in dev.firesight.parser.testing.FindingsWorkload.large")
                && large.sentence().contains("mostly byte[]"), large.sentence());
        assertEquals(ViewKind.ALLOC_OUTSIDE_TLAB, large.evidence().view());
    }

    @Test
    void noRuleFiresOnAQuietRecording() throws Exception {
        List<Finding> findings = Findings.of(Recordings.open(TestRecordings.findings("quiet")), Thresholds.DEFAULTS);
        assertEquals(List.of(), findings);
    }

    @Test
    void findingsSayWhatWhereAndHowMuch() throws Exception {
        Profile boxing = Recordings.open(TestRecordings.findings("boxing"));
        Finding finding = Findings.of(boxing, WORKLOAD).stream().filter(f -> f.rule().equals("boxing"))
                .findFirst().orElseThrow();
        assertTrue(finding.sentence().matches("Boxing primitives \\(java\\.lang\\.(Integer|Long)\\.valueOf\\) allocates"
                + " \\d+% of all bytes \\([0-9.]+ [KMG]iB/s\\); use primitive fields, arrays or primitive collections\\."),
                finding.sentence());
        assertEquals(ViewKind.ALLOC, finding.evidence().view());
        assertEquals(Findings.BOXING, finding.evidence().search());

        Finding lock = Findings.of(Recordings.open(TestRecordings.findings("lock")), WORKLOAD).stream()
                .filter(f -> f.rule().equals("lock-contention")).findFirst().orElseThrow();
        assertTrue(lock.sentence().startsWith("Threads waiting for dev.firesight.parser.testing.FindingsWorkload$Ledger"
                + " account for "), lock.sentence());
        assertEquals("dev.firesight.parser.testing.FindingsWorkload$Ledger", lock.evidence().frame());
    }

    /** Eight pool threads parked for work block 8 thread-seconds a second on their queue: idle, not contended. */
    @Test
    void poolThreadsWaitingForWorkAreNoLockContention() throws Exception {
        Profile pool = Recordings.open(TestRecordings.findings("idle-pool"));
        long parked = pool.samples(ViewKind.LOCK).totalWeight();
        assertTrue(parked / 1e9 / (pool.info().durationNanos() / 1e9) > 2 * WORKLOAD.lockedThreads(),
                "the pool's threads were recorded waiting: " + parked + " ns");
        assertTrue(Findings.of(pool, WORKLOAD).stream().noneMatch(f -> f.rule().equals("lock-contention")),
                "waiting for work is not contention");
    }

    /** Native memory allocated and kept, beside native memory freed at once: the kept part is named, with its site. */
    @Test
    void nativeMemoryNeverFreedIsAFinding() throws Exception {
        Profile profile = Recordings.open(TestRecordings.nativeMemory(17));
        Finding leak = Findings.of(profile, Thresholds.DEFAULTS).stream()
                .filter(f -> f.rule().equals("native-leak")).findFirst().orElseThrow();
        assertTrue(leak.sentence().matches("[0-9.]+ [KMG]iB of native memory \\([0-9.]+ [KMG]iB/s, \\d+% of the [0-9.]+ [KMG]iB"
                + " allocated natively\\) was allocated and not freed by the recording's end, most in"
                + " dev\\.firesight\\.parser\\.testing\\.NativeWorkload\\.leak \\(\\d+%\\);.*"), leak.sentence());
        assertEquals(ViewKind.NATIVE_LEAK, leak.evidence().view());
        assertEquals(NativeWorkload.frame("leak"), leak.evidence().frame());
        // what check's "no-finding RULE" asks first: of async-profiler's cpu and nativemem, only this rule has its data
        for (String rule : Findings.RULES) {
            assertEquals(rule.equals("native-leak"), Findings.lacks(profile, rule) == null,
                    rule + ": " + Findings.lacks(profile, rule));
        }
    }

    @Test
    void objectsAliveWhileMemoryDoesNotGrowAreNoLeak() throws Exception {
        // A working set made at the start and kept: many sampled objects alive at the end, from one site, while
        // the heap does not grow. (The plain workload's count of old objects varied from 7 to 218 by run.)
        Profile workload = Recordings.open(TestRecordings.memory("steady"));
        assertTrue(workload.oldObjects().size() > 10, "the working set's objects were sampled alive: "
                + workload.oldObjects().size());
        assertTrue(Findings.of(workload, Thresholds.DEFAULTS).stream().noneMatch(f -> f.rule().equals("leak-suspect")),
                "a working set is not a leak");
    }

    @Test
    void aLeakIsAFinding() throws Exception {
        Set<String> rules = Findings.of(Recordings.open(TestRecordings.memory("leak")), WORKLOAD).stream()
                .map(Finding::rule).collect(Collectors.toSet());
        assertTrue(rules.containsAll(Set.of("heap-growth", "leak-suspect")), rules.toString());
    }
}
