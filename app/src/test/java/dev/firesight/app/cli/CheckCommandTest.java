package dev.firesight.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.ShareChange;
import dev.firesight.parser.testing.TestRecordings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code check} as a CI gate, on real captures: an allocation that really grew fails, the same work recorded
 * twice passes, wrong arguments are one sentence, and the JUnit report says the same.
 */
class CheckCommandTest {
    private static final String HALVABLE = ".*HalvedWorkload\\.allocateHalvable=5%";

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRealGrowthFails(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("check.xml");
        // the halvable method allocates half as much in the base as in the target: its share grows by a fifth
        Run run = run("check", TestRecordings.halved(0.5).toString(), TestRecordings.halved(1.0).toString(),
                "--view", "alloc", "--max-growth", HALVABLE, "--junit", junit.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().matches("FAIL alloc \\Q" + HALVABLE + "\\E: \\d+\\.\\d% -> \\d+\\.\\d% \\(\\+\\d+%\\), 95% interval"
                + " \\+\\d+\\.\\d\\d to \\+\\d+\\.\\d\\d points, significant \\(z = \\d+\\.\\d\\), more than the \\+5% allowed\n"
                + "0 passed, 1 failed\n"), run.out());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals(1, suite.getElementsByTagName("failure").getLength());
    }

    @Test
    void theSameWorkRecordedTwicePasses() {
        Run run = run("check", TestRecordings.halved(1.0).toString(), TestRecordings.halved(1.0, "again").toString(),
                "--view", "alloc", "--max-growth", HALVABLE, "--max-growth", ".*allocateSteady=5%");
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("2 passed, 0 failed\n", run.out());
    }

    /** A/A over every frame: two recordings of the same work differ significantly in few frames. */
    @Test
    void fewFramesDifferSignificantlyBetweenTwoRecordingsOfTheSameWork() throws Exception {
        Profile a = Recordings.open(TestRecordings.halved(1.0));
        Profile b = Recordings.open(TestRecordings.halved(1.0, "again"));
        int frames = 0;
        int significant = 0;
        for (int n = 0; n < a.frames().nameCount(); n++) {
            String name = a.frames().nameOf(n);
            ShareChange change = ShareChange.of(a, b, ViewKind.ALLOC, Pattern.compile(Pattern.quote(name)));
            if (change.baseShare() > 0) {
                frames++;
                significant += change.significant() ? 1 : 0;
            }
        }
        assertTrue(frames > 20, "enough frames to judge: " + frames);
        assertTrue(significant <= 0.1 * frames, significant + " of " + frames + " frames significant");
        System.out.printf("A/A: %d of %d frames significant at 95%%%n", significant, frames);
    }

    @Test
    void wrongArgumentsAreOneSentence() {
        Run run = run("check", "a.jfr", "b.jfr", "--view", "alloc", "--max-growth", "nothing");
        assertEquals(2, run.code());
        assertEquals("firesight check: --max-growth takes REGEX=PERCENT, e.g. 'java\\.util\\.HashMap\\.resize=5%'; got"
                + " 'nothing'.\n", run.err());
        assertEquals("firesight check: check takes BASE TARGET with --max-growth, or one FILE with --rules.\n",
                run("check", "a.jfr").err());
        assertEquals("firesight check: '[' is not a regular expression: Unclosed character class.\n",
                run("check", "a.jfr", "b.jfr", "--view", "alloc", "--max-growth", "[=5%").err());
    }

    /** A gate with a misspelt pattern or a view the recordings lack would pass for ever: it fails, saying why. */
    @Test
    void aRuleThatChecksNothingFails(@TempDir Path dir) throws Exception {
        String base = TestRecordings.halved(0.5).toString();
        String target = TestRecordings.halved(1.0).toString();
        Run typo = run("check", base, target, "--view", "alloc", "--max-growth", ".*HalvedWorkload\\.allocateHalvabel=5%",
                "--max-growth", HALVABLE);
        assertEquals(1, typo.code(), typo.err());
        assertTrue(typo.out().startsWith("FAIL alloc .*HalvedWorkload\\.allocateHalvabel=5%: the rule checks nothing:"
                + " '.*HalvedWorkload\\.allocateHalvabel' matches no frame of the alloc view in either recording"), typo.out());
        assertTrue(typo.out().endsWith("0 passed, 2 failed\n"), typo.out());

        Run noView = run("check", base, target, "--view", "wall", "--max-growth", HALVABLE);
        assertEquals(1, noView.code(), noView.err());
        assertTrue(noView.out().startsWith("FAIL wall " + HALVABLE + ": the rule checks nothing: the baseline has no"),
                noView.out());
        // one recording without the view is enough: a growth from nothing, or to it, says nothing of the code
        Run oneLacks = run("check", TestRecordings.jdk17().toString(), TestRecordings.nativeMemory(17).toString(),
                "--view", "lock", "--max-growth", ".*=5%");
        assertEquals(1, oneLacks.code(), oneLacks.err());
        assertTrue(oneLacks.out().contains("the rule checks nothing: the target has no"), oneLacks.out());

        Path rules = dir.resolve("rules.txt");
        Files.writeString(rules, "max-share alloc .*allocateHalvabel 5%\nno-finding native-leak\n");
        Run share = run("check", target, "--rules", rules.toString());
        assertEquals(1, share.code(), share.err());
        assertTrue(share.out().contains("matches no frame of the alloc view in the recording"), share.out());
        assertTrue(share.out().contains("FAIL no-finding native-leak: the rule checks nothing: the recording has no"
                + " native allocations never freed"), share.out());
        assertTrue(share.out().endsWith("0 passed, 2 failed\n"), share.out());
    }

    @Test
    void rulesOnOneRecording(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.txt");
        Files.writeString(rules, "# allocation budget of the boxing workload\n"
                + "max-share alloc java\\.lang\\.Integer\\.valueOf 95%\n"
                + "no-finding boxing\n");
        Run run = run("check", TestRecordings.findings("boxing").toString(), "--rules", rules.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().matches("FAIL no-finding boxing: Boxing primitives .*\n1 passed, 1 failed\n"), run.out());

        Files.writeString(rules, "no-finding boxng\n");
        Run unknown = run("check", TestRecordings.findings("boxing").toString(), "--rules", rules.toString());
        assertEquals(2, unknown.code(), unknown.out());
        assertTrue(unknown.err().startsWith("firesight check: rules.txt:1: there is no finding 'boxng'; the findings are"
                + " dominant-site, boxing, "), unknown.err());

        Files.writeString(rules, "max-shore alloc x 5%\n");
        Run bad = run("check", TestRecordings.findings("boxing").toString(), "--rules", rules.toString());
        assertEquals(2, bad.code());
        assertEquals("firesight check: rules.txt:1: a rule is 'max-share VIEW REGEX PERCENT' or 'no-finding RULE';"
                + " got 'max-shore alloc x 5%'.\n", bad.err());
    }
}
