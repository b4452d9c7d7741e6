package dev.firesight.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.files.OwnerOnly;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --jmx}: a real child JVM with an authenticating JMX agent, recorded, listed and downloaded. */
@Timeout(180) // a hang guard only
class RemoteRecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPasswordIsNeverTakenFromTheCommandLine() {
        assertEquals("a password on the command line can be read by other users; use --password-file FILE or"
                + " $FIRESIGHT_JMX_PASSWORD instead.", assertThrows(UsageException.class, () -> RecordCommand.Options
                .parse(List.of("--jmx", "localhost:9091", "--user", "u", "--password", "pw"))).getMessage());
        assertEquals("Write the address as HOST:PORT, e.g. localhost:9091, not 'localhost:jmx'.",
                assertThrows(UsageException.class, () -> RecordCommand.Options.parse(List.of("--jmx", "localhost:jmx")))
                        .getMessage());
        assertEquals("say either --pid PID (a JVM on this machine) or --jmx HOST:PORT, not both.", assertThrows(
                UsageException.class, () -> RecordCommand.Options.parse(List.of("--pid", "1", "--jmx", "9091")))
                .getMessage());
    }

    @Test
    void recordsListsAndDownloadsARemoteJvmWithAPassword() throws Exception {
        int port = dev.firesight.app.attach.RemoteChildren.freePort();
        Path passwords = OwnerOnly.newFile(dir.resolve("jmxremote.password"));
        Files.writeString(passwords, "firesight pw-" + port + "\n");
        Path access = OwnerOnly.newFile(dir.resolve("jmxremote.access"));
        Files.writeString(access, "firesight readwrite\n");
        try (AutoCloseable child = dev.firesight.app.attach.RemoteChildren.start(dir.resolve("child.log"), port,
                passwords, access, "-XX:StartFlightRecording:name=boot")) {
            Map<String, String> env = Map.of(RecordCommand.PASSWORD_VARIABLE, "pw-" + port);
            Path out = dir.resolve("out.jfr");
            Run record = run(env, "record", "--jmx", "127.0.0.1:" + port, "--user", "firesight", "--duration", "2",
                    "-o", out.toString());
            assertEquals(0, record.code, record.err);
            assertTrue(record.out.startsWith("Recorded JVM "), record.out);
            assertTrue(count(out, "jdk.ExecutionSample") > 0, "CPU samples of the busy child");

            Path passwordFile = OwnerOnly.newFile(dir.resolve("pw"));
            Files.writeString(passwordFile, "pw-" + port + "\n");
            Run list = run(Map.of(), "record", "--jmx", "127.0.0.1:" + port, "--user", "firesight", "--password-file",
                    passwordFile.toString(), "--list");
            assertEquals(0, list.code, list.err);
            String boot = list.out.lines().filter(l -> l.contains(" boot ")).findFirst().orElseThrow(
                    () -> new AssertionError("the JVM's own recording is listed: " + list.out));
            assertTrue(boot.contains("RUNNING"), boot);

            Path downloaded = dir.resolve("boot.jfr");
            Run download = run(env, "record", "--jmx", "127.0.0.1:" + port, "--user", "firesight", "--download",
                    boot.substring(0, boot.indexOf(' ')), "-o", downloaded.toString());
            assertEquals(0, download.code, download.err);
            assertTrue(count(downloaded, "jdk.ExecutionSample") > 0);

            String id = boot.substring(0, boot.indexOf(' '));
            Run stop = run(env, "record", "--jmx", "127.0.0.1:" + port, "--user", "firesight", "--stop", id);
            assertEquals(0, stop.code, stop.err);
            Run after = run(env, "record", "--jmx", "127.0.0.1:" + port, "--user", "firesight", "--list");
            assertTrue(after.out.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("STOPPED")), after.out);

            Run wrong = run(Map.of(RecordCommand.PASSWORD_VARIABLE, "nope"), "record", "--jmx", "127.0.0.1:" + port,
                    "--user", "firesight", "--list");
            assertEquals(1, wrong.code);
            assertEquals("firesight record: The JMX agent at 127.0.0.1:" + port + " refused the user name or password;"
                    + " check both (they are in the JVM's jmxremote.password file).", wrong.err.strip());
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(List.of(new RecordCommand(env))).execute(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static long count(Path file, String type) throws java.io.IOException {
        long n = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(type)) {
                n++;
            }
        }
        return n;
    }
}
