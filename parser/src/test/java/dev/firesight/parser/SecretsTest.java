package dev.firesight.parser;

import dev.firesight.parser.testing.ChildJvm;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording made with a password in the environment and a token in a system property. */
class SecretsTest {
    @Test
    void secretLookingValuesAreFoundAndRedacted(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("secrets.jfr");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default",
                "-Dapi.token=tok-123456", "-cp", ChildJvm.testClassPath().toString(),
                Workload.class.getName(), "300", "--db-password=hunter2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("DB_PASSWORD", "hunter2");
        Process child = pb.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished");
        assertEquals(0, child.exitValue());

        RecordingInfo info = Recordings.open(recording).info();
        assertTrue(info.environment().contains(Map.entry("DB_PASSWORD", "hunter2")), "the JDK recorded the env var");
        List<String> found = Secrets.findings(info);
        assertTrue(found.contains("environment variable DB_PASSWORD"), found.toString());
        assertTrue(found.contains("system property api.token"), found.toString());
        assertFalse(found.contains("system property java.home"), found.toString());
        assertNotNull(Secrets.notice(info));

        RecordingInfo redacted = Secrets.redact(info);
        String everything = redacted.environment() + " " + redacted.systemProperties() + " "
                + redacted.jvmArguments() + " " + redacted.javaArguments();
        assertFalse(everything.contains("hunter2"), everything);
        assertFalse(everything.contains("tok-123456"), everything);
        assertTrue(redacted.javaArguments().startsWith(Workload.class.getName()), redacted.javaArguments());
    }
}
