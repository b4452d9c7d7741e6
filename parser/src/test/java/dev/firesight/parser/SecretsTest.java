package dev.firesight.parser;

import dev.firesight.parser.testing.SecretsRecording;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import dev.firesight.parser.jfr.RecordingRedactor;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording made with a password in the environment and a token in a system property. */
class SecretsTest {
    private static final String PASSWORD = SecretsRecording.PASSWORD;
    private static final String TOKEN = SecretsRecording.TOKEN;

    @TempDir
    static Path dir;
    private static Path recording;

    /** One real JVM, recorded with the secrets in its environment, properties and arguments. */
    @BeforeAll
    static void record() throws Exception {
        recording = SecretsRecording.make(dir);
    }

    @Test
    void secretLookingValuesAreFoundAndRedacted() throws Exception {
        RecordingInfo info = Recordings.open(recording).info();
        assertTrue(info.environment().contains(Map.entry("DB_PASSWORD", PASSWORD)), "the JDK recorded the env var");
        List<String> found = Secrets.findings(info);
        assertTrue(found.contains("environment variable DB_PASSWORD"), found.toString());
        assertTrue(found.contains("system property api.token"), found.toString());
        assertFalse(found.contains("system property java.home"), found.toString());
        assertNotNull(Secrets.notice(info));

        RecordingInfo redacted = Secrets.redact(info);
        String everything = redacted.environment() + " " + redacted.systemProperties() + " "
                + redacted.jvmArguments() + " " + redacted.javaArguments();
        assertFalse(everything.contains(PASSWORD), everything);
        assertFalse(everything.contains(TOKEN), everything);
        assertTrue(redacted.javaArguments().startsWith(Workload.class.getName()), redacted.javaArguments());
    }

    /**
     * The redacted copy holds none of the secrets' bytes anywhere, yet the JDK's own reader reads every
     * event of it, and everything that is not secret is as it was.
     */
    @Test
    void redactedCopyHasNoSecretBytesAndReadsAsTheOriginal() throws Exception {
        Path copy = dir.resolve("secrets-redacted.jfr");
        Secrets.Redaction result = Secrets.writeRedactedCopy(recording, copy, () -> false);
        byte[] original = Files.readAllBytes(recording);
        byte[] redacted = Files.readAllBytes(copy);
        for (String secret : List.of(PASSWORD, TOKEN)) {
            assertTrue(indexOf(original, secret) >= 0, "the original holds " + secret);
            assertEquals(-1, indexOf(redacted, secret), "the copy holds no byte run of " + secret);
        }
        assertEquals(original.length, redacted.length);
        assertTrue(result.maskedValues() >= 4, "env var, property, JVM and program arguments: " + result);
        if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        }

        Map<String, Long> before = eventCounts(recording);
        assertEquals(before, eventCounts(copy), "the JDK's reader reads every event of the copy");
        Map<String, String> env = keyValues(copy, "jdk.InitialEnvironmentVariable");
        assertEquals("*".repeat(PASSWORD.length()), env.get("DB_PASSWORD"));
        assertEquals(keyValues(recording, "jdk.InitialEnvironmentVariable").get("PATH"), env.get("PATH"),
                "values that do not look secret stay");
        Map<String, String> properties = keyValues(copy, "jdk.InitialSystemProperty");
        assertEquals("*".repeat(TOKEN.length()), properties.get("api.token"));
        assertTrue(properties.get(Secrets.COMMAND_PROPERTY).matches(Pattern.quote(Workload.class.getName())
                + "\\*+"), "the main class stays, its arguments are masked: " + properties.get(Secrets.COMMAND_PROPERTY));
        assertEquals(keyValues(recording, "jdk.InitialSystemProperty").get("java.home"), properties.get("java.home"));

        Profile a = Recordings.open(recording);
        Profile b = Recordings.open(copy);
        assertEquals(a.warnings(), b.warnings(), "the copy reads as cleanly as the original");
        for (ViewKind view : a.views()) {
            assertEquals(StackWeights.compute(a, ProfileQuery.of(view), () -> false).total(),
                    StackWeights.compute(b, ProfileQuery.of(view), () -> false).total(), view.id());
        }
        assertTrue(b.info().environment().contains(Map.entry("DB_PASSWORD", "*".repeat(PASSWORD.length()))),
                "Firesight's own info panel shows the masked value");
    }

    /**
     * Credentials inside values with harmless names (URL user-info, a token pair, a bearer token, an AWS key
     * id, a private key block) are masked byte for byte in the copy, and only they: the rest of each value
     * stays, and the JDK's reader reads the copy.
     */
    @Test
    void credentialsInsideValuesAreMaskedAndTheRestStays() throws Exception {
        Path copy = dir.resolve("embedded-redacted.jfr");
        Secrets.writeRedactedCopy(recording, copy, () -> false);
        byte[] original = Files.readAllBytes(recording);
        byte[] redacted = Files.readAllBytes(copy);
        for (String secret : SecretsRecording.EMBEDDED) {
            assertTrue(indexOf(original, secret) >= 0, "the original holds " + secret);
            assertEquals(-1, indexOf(redacted, secret), "the copy holds no byte run of " + secret);
        }
        Map<String, String> env = keyValues(copy, "jdk.InitialEnvironmentVariable");
        assertEquals("postgres://" + "*".repeat("app:pg-s3cr3t-pw".length()) + "@db.example:5432/orders",
                env.get("DATABASE_URL"));
        assertEquals("--verbose --token=" + "*".repeat("opts-t0ken-123".length()) + " --port=80", env.get("SERVICE_OPTS"));
        assertEquals("uploaded with " + "*".repeat(20) + " yesterday", env.get("DEPLOY_NOTES"));
        assertTrue(env.get("HTTP_HEADERS").startsWith("Accept: */*; Authorization: Bearer ***"), env.get("HTTP_HEADERS"));
        assertTrue(env.get("TLS_MATERIAL").startsWith("-----BEGIN PRIVATE KEY-----*"), env.get("TLS_MATERIAL"));
        assertTrue(env.get("TLS_MATERIAL").endsWith("*-----END PRIVATE KEY-----"), env.get("TLS_MATERIAL"));
        assertEquals("jdbc:postgresql://" + "*".repeat("app:jdbc-s3cr3t".length()) + "@db.example/orders",
                keyValues(copy, "jdk.InitialSystemProperty").get("spring.datasource.url"));
        assertEquals(eventCounts(recording), eventCounts(copy));
    }

    /** The info panel hides the same credentials, showing the rest of each value. */
    @Test
    void theInfoPanelHidesTheSameCredentials() throws Exception {
        RecordingInfo info = Recordings.open(recording).info();
        List<String> found = Secrets.findings(info);
        assertTrue(found.contains("environment variable DATABASE_URL"), found.toString());
        assertTrue(found.contains("system property spring.datasource.url"), found.toString());
        assertFalse(found.contains("environment variable PATH"), found.toString());
        RecordingInfo redacted = Secrets.redact(info);
        String everything = redacted.environment() + " " + redacted.systemProperties() + " "
                + redacted.jvmArguments() + " " + redacted.javaArguments();
        for (String secret : SecretsRecording.EMBEDDED) {
            assertFalse(everything.contains(secret), secret + " in " + everything);
        }
        assertTrue(redacted.environment().contains(Map.entry("DATABASE_URL",
                "postgres://[redacted]@db.example:5432/orders")), redacted.environment().toString());
    }

    /** Multi-chunk, compressed and async-profiler files copy too, and every reader still reads them whole. */
    @Test
    void everyKindOfRecordingCopies() throws Exception {
        for (Path source : List.of(TestRecordings.multiChunk(), TestRecordings.gzipped(), TestRecordings.asyncProfiler())) {
            Path copy = dir.resolve("copy-" + source.getFileName() + ".jfr");
            Secrets.writeRedactedCopy(source, copy, () -> false);
            Path plain = source.toString().endsWith(".gz") ? TestRecordings.jdk17() : source;
            assertEquals(eventCounts(plain), eventCounts(copy), source.getFileName().toString());
            assertEquals(Recordings.open(plain).warnings(), Recordings.open(copy).warnings());
        }
    }

    @Test
    void aDamagedRecordingGetsNoCopy() throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        Path cut = Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path copy = dir.resolve("cut-redacted.jfr");
        RecordingException e = assertThrows(RecordingException.class,
                () -> Secrets.writeRedactedCopy(cut, copy, () -> false));
        assertEquals("cut.jfr is damaged or unfinished at chunk 1 (byte 0), so Firesight cannot be sure to find every"
                + " secret in it and wrote no redacted copy.", e.getMessage());
        assertFalse(Files.exists(copy));
        assertFalse(Files.exists(dir.resolve("cut-redacted.jfr.partial")));
    }

    private static Map<String, Long> eventCounts(Path file) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                counts.merge(in.readEvent().getEventType().getName(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, String> keyValues(Path file, String eventType) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                if (e.getEventType().getName().equals(eventType)) {
                    out.put(e.getString("key"), e.getString("value"));
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
