package dev.firesight.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.query.BurstRecording;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.BurstWorkload;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code summary} lists the burst as the peak allocation window; {@code export --from/--to} takes both time forms. */
class SummarySpikesTest {
    private static BurstRecording burst;

    @BeforeAll
    static void load() throws Exception {
        burst = BurstRecording.load();
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summaryListsTheBurstWindowLedByTheBurstMethodAndTheLongestPauses() {
        String out = run("summary", burst.path().toString());
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Allocation spikes")).findFirst()
                .orElseThrow(() -> new AssertionError(out)));
        String window = lines.get(header + 1);
        assertTrue(window.matches("  \\+\\d+\\.\\d{3} s \\.\\. \\+\\d+\\.\\d{3} s  peak .*"), window);
        double from = Double.parseDouble(window.trim().split(" ")[0].substring(1));
        long burstStart = burst.burstStartNanos() - burst.profile().info().startNanos();
        long burstEnd = burst.burstEndNanos() - burst.profile().info().startNanos();
        assertTrue(from * 1e9 < burstEnd && from * 1e9 > burstStart - 200_000_000L, window);
        assertTrue(lines.get(header + 2).endsWith(BurstWorkload.frame("burst")), lines.get(header + 2));
        assertTrue(out.contains("Longest GC pauses"), out);
    }

    @Test
    void exportTakesRelativeSecondsAndAbsoluteTimesAlike() throws Exception {
        long start = burst.profile().info().startNanos();
        long from = start + 1_650_000_000L;
        long to = start + 2_700_000_000L;
        String file = burst.path().toString();
        String relative = run("export", file, "--view", "alloc", "--from", "1.65", "--to", "2.7s");
        String iso = run("export", file, "--view", "alloc", "--from", Instant.ofEpochSecond(0, from).toString(),
                "--to", Instant.ofEpochSecond(0, to).toString());
        DateTimeFormatter timeOfDay = DateTimeFormatter.ISO_LOCAL_TIME;
        String local = run("export", file, "--view", "alloc",
                "--from", LocalTime.from(Instant.ofEpochSecond(0, from).atZone(ZoneId.systemDefault())).format(timeOfDay),
                "--to", LocalTime.from(Instant.ofEpochSecond(0, to).atZone(ZoneId.systemDefault())).format(timeOfDay));
        StringWriter expected = new StringWriter();
        Collapsed.write(CallTreeBuilder.build(burst.profile(), ProfileQuery.of(ViewKind.ALLOC).withRange(from, to)),
                expected);
        assertTrue(relative.contains(BurstWorkload.frame("burst")), relative);
        assertEquals(expected.toString(), relative);
        assertEquals(relative, iso);
        assertEquals(relative, local);
        String whole = run("export", file, "--view", "alloc");
        assertTrue(whole.length() > relative.length() || !whole.equals(relative));
    }
}
