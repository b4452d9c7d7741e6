package dev.firesight.app.cli;

import org.junit.jupiter.params.ParameterizedTest;
import dev.firesight.parser.testing.GoldenRecordings;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code summary} of the parser's golden recordings (see parser/src/test/resources/golden/README.md) equals
 * the committed text, so a change to what the summary says shows up as a diff to review. No oracle prints a
 * summary, so the expected text is Firesight's own, written with {@code -Dfiresight.golden.write=true} and
 * read over before committing; the stacks beneath it are held to the JDK's parser by GoldenRecordingsTest.
 */
class GoldenSummaryTest {
    private static final Path EXPECTED = Path.of("src", "test", "resources", "golden");

    static List<String> names() {
        return GoldenRecordings.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void summaryEqualsTheGoldenText(String name) throws Exception {
        Path recording = GoldenRecordings.recording(name);
        CliRun run = CliRun.of("summary", recording.toString());
        assertEquals(0, run.exitCode(), String.join("\n", run.errLines()));
        // the file's path is where this checkout is, not what the summary found
        String text = run.out().replace(recording.toString(), "<recording>");
        Path expected = EXPECTED.resolve(name + ".summary.txt");
        if (Boolean.getBoolean("firesight.golden.write")) {
            Files.writeString(expected, text, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), text, name);
    }
}
