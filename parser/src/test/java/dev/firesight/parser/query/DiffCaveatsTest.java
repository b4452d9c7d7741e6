package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diff's caveats name a difference of JVMs only where the Java versions really differ. */
class DiffCaveatsTest {

    private static List<String> caveats(Profile base, Profile target) {
        return DiffTreeBuilder.build(new DiffTreeBuilder.Capture(base, ProfileQuery.of(ViewKind.ALLOC), "base"),
                new DiffTreeBuilder.Capture(target, ProfileQuery.of(ViewKind.ALLOC), "target"), () -> false).caveats();
    }

    @Test
    void twoRunsOfOneJavaVersionAreNotDifferentJvms() throws Exception {
        List<String> caveats = caveats(Recordings.open(TestRecordings.halved(1.0)),
                Recordings.open(TestRecordings.halved(1.0, "again")));
        assertTrue(caveats.stream().noneMatch(c -> c.contains("different J")), caveats.toString());
    }

    /** Where one part halved, the others' shares grow though their weights did not: the diff says so. */
    @Test
    void aTotalThatChangedMuchIsNamed() throws Exception {
        Profile base = Recordings.open(TestRecordings.halved(1.0));
        Profile target = Recordings.open(TestRecordings.halved(0.5));
        double ratio = (double) target.samples(ViewKind.ALLOC).totalWeight() / base.samples(ViewKind.ALLOC).totalWeight();
        assertTrue(ratio < 1 / 1.5, "the workload's half-run allocates well under two thirds: " + ratio);
        String caveat = caveats(base, target).stream().filter(c -> c.startsWith("The target's total weight is"))
                .findFirst().orElseThrow();
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("The target's total weight is ([0-9.]+) times")
                .matcher(caveat);
        assertTrue(said.lookingAt(), caveat);
        assertEquals(ratio, Double.parseDouble(said.group(1)), 0.0051, caveat); // two significant digits of 0.1 to 1
        assertEquals("0.0032", dev.firesight.parser.Wording.ratio(0.003214), "a small ratio is not \"0.00\"");
        assertEquals("0.59", dev.firesight.parser.Wording.ratio(0.5912));
        assertEquals("12", dev.firesight.parser.Wording.ratio(12.4));
        assertTrue(caveats(base, Recordings.open(TestRecordings.halved(1.0, "again"))).stream()
                .noneMatch(c -> c.startsWith("The target's total weight")), "not between two runs of the same work");
    }

    @Test
    void differentJavaVersionsAreNamed() throws Exception {
        Profile jdk17 = Recordings.open(TestRecordings.jdk17());
        Profile jdk25 = Recordings.open(TestRecordings.jdk25());
        String caveat = caveats(jdk17, jdk25).stream().filter(c -> c.contains("different Java versions"))
                .findFirst().orElseThrow();
        assertEquals("The captures come from different Java versions (" + jdk17.info().javaVersion() + " and "
                + jdk25.info().javaVersion() + "), whose JIT and libraries may differ.", caveat);
        assertTrue(!jdk17.info().javaVersion().equals(jdk25.info().javaVersion()));
    }
}
