package dev.firesight.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.attach.EngineChoice;
import dev.firesight.attach.LocalJvm;
import dev.firesight.attach.ProfilingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The jvms and record commands' argument handling and output lines, without attaching. */
class AttachCommandsTest {
    @Test
    void recordOptions() throws UsageException {
        RecordCommand.Options options = RecordCommand.Options.parse(List.of("--pid", "42", "--event", "cpu,alloc",
                "--duration", "10", "-o", "out.jfr", "--engine", "jfr"));
        assertEquals(42, options.pid);
        assertEquals(Set.of(ProfilingEvent.CPU, ProfilingEvent.ALLOC), options.events);
        assertEquals(Duration.ofSeconds(10), options.duration);
        assertTrue(options.output.isAbsolute());
        assertEquals(EngineChoice.FLIGHT_RECORDER, options.engine);
    }

    @Test
    void recordUsageErrorsAreOneSentence() throws UsageException {
        assertEquals("say which JVM to record with --pid PID; 'firesight jvms' lists them.",
                assertThrows(UsageException.class, () -> RecordCommand.Options.parse(List.of())).getMessage());
        assertEquals("--duration needs a positive whole number, not 'soon'.", assertThrows(UsageException.class,
                () -> RecordCommand.Options.parse(List.of("--pid", "1", "--duration", "soon"))).getMessage());
        assertEquals("unknown event 'heap'; use cpu, alloc, lock, wall, live or nativemem.", assertThrows(
                UsageException.class, () -> RecordCommand.Options.parse(List.of("--pid", "1", "--event", "heap")))
                .getMessage());
        assertEquals("unknown preset 'leaks'; the preset is memory-leak.", assertThrows(UsageException.class,
                () -> RecordCommand.Options.parse(List.of("--pid", "1", "--preset", "leaks"))).getMessage());
        assertTrue(RecordCommand.Options.parse(List.of("--pid", "1", "--preset", "memory-leak")).memoryLeak);
        assertEquals("the output file must end in .jfr.", assertThrows(UsageException.class,
                () -> RecordCommand.Options.parse(List.of("--pid", "1", "-o", "x.html"))).getMessage());
    }

    @Test
    void recordingAPidThatDoesNotExistIsOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(List.of(new RecordCommand())).execute(List.of("record", "--pid", "2147483646", "--duration", "1"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals("firesight record: JVM 2147483646 is not running; choose a running JVM (the attach dialog and `firesight jvms` list them).",
                err.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void jvmLinesStartWithThePid() {
        Instant now = Instant.parse("2026-11-24T20:00:00Z");
        LocalJvm attachable = new LocalJvm(4711, "com.example.Main", "17.0.15", "Debian",
                Optional.of(now.minusSeconds(75)), true, "");
        assertEquals("4711     com.example.Main                         Java 17.0.15 (Debian)            up 1m15s    attachable",
                JvmsCommand.line(attachable, now));
        LocalJvm refused = new LocalJvm(12, "Busy", LocalJvm.UNKNOWN, LocalJvm.UNKNOWN, Optional.empty(), false,
                "JVM 12 was started with -XX:+DisableAttachMechanism; restart it without that option to record it.");
        assertTrue(JvmsCommand.line(refused, now).startsWith("12       Busy"));
        assertTrue(JvmsCommand.line(refused, now).endsWith("not attachable: " + refused.problem()));
    }
}
