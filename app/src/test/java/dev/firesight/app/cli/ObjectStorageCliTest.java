package dev.firesight.app.cli;

import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.storage.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code firesight export|summary s3://BUCKET/PREFIX/} in a real child JVM configured the SDK's way, by the
 * environment (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION), against s3proxy on
 * 127.0.0.1: the same output as the local folder, and {@code --from} downloads only the objects it needs.
 */
class ObjectStorageCliTest {
    @TempDir
    static Path temp;
    private static S3Server server;
    private static Path local;
    private static Map<String, Path> uploaded;

    @BeforeAll
    static void upload() throws Exception {
        local = TestRecordings.twoJvms();
        server = new S3Server(temp.resolve("server"));
        server.createBucket("fleet");
        uploaded = server.putFolder("fleet", "checkout/", local, Map.of("jvm-a", "pod-a", "jvm-b", "pod-b"));
        server.put("fleet", "checkout/notes.txt", "not a recording".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void exportOfAPrefixEqualsExportOfTheLocalFolder() throws Exception {
        for (String view : List.of("cpu", "alloc", "lock")) {
            Run fromStore = firesight("cache-export", "export", "s3://fleet/checkout/", "--view", view, "--format",
                    "collapsed");
            Run fromFolder = firesight("cache-export", "export", local.toString(), "--view", view, "--format",
                    "collapsed");
            assertEquals(0, fromStore.exit, fromStore.err);
            assertEquals(sorted(fromFolder.out), sorted(fromStore.out), view);
            assertTrue(fromStore.err.contains("note: notes.txt is not a JFR recording"), fromStore.err);
        }
        Run summary = firesight("cache-export", "summary", "s3://fleet/checkout/");
        assertEquals(0, summary.exit, summary.err);
        assertTrue(summary.out.contains("counted once"), summary.out);
    }

    @Test
    void fromPicksTheObjectsOfItsTime() throws Exception {
        long secondStart = Recordings.open(local.resolve("jvm-b")).info().startNanos();
        String from = Instant.ofEpochSecond(0, secondStart).toString();
        Set<String> needed = new TreeSet<>();
        for (Map.Entry<String, Path> e : uploaded.entrySet()) {
            if (Recordings.open(e.getValue()).info().endNanos() >= secondStart) {
                needed.add(e.getKey());
            }
        }
        server.clearReads();
        Run fromStore = firesight("cache-window", "export", "s3://fleet/checkout/", "--from", from, "--format",
                "collapsed");
        assertEquals(0, fromStore.exit, fromStore.err);
        assertEquals(needed, new TreeSet<>(server.downloads()));
        assertTrue(needed.size() < uploaded.size(), needed.toString());
        Run fromFolder = firesight("cache-window", "export", local.toString(), "--from", from, "--format", "collapsed");
        assertEquals(sorted(fromFolder.out), sorted(fromStore.out));
    }

    @Test
    void aWrongSecretIsOneLine() throws Exception {
        Run run = firesight(Map.of("AWS_SECRET_ACCESS_KEY", "wrong"), "cache-wrong", "summary", "s3://fleet/checkout/");
        assertEquals(1, run.exit);
        assertEquals("firesight summary: The secret access key is wrong for access key " + S3Server.IDENTITY + " at "
                + server.endpoint() + ": check AWS_SECRET_ACCESS_KEY (or the secret entered).", run.err.strip());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run firesight(String cache, String... args) throws Exception {
        return firesight(Map.of(), cache, args);
    }

    /** The launcher in a child JVM whose environment configures the store, with its own cache folder. */
    private static Run firesight(Map<String, String> overrides, String cache, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.firesight.app.Launcher"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        Map<String, String> settings = new HashMap<>(Map.of("AWS_ENDPOINT_URL", server.endpoint(),
                "AWS_ACCESS_KEY_ID", S3Server.IDENTITY, "AWS_SECRET_ACCESS_KEY", S3Server.CREDENTIAL,
                "AWS_REGION", "us-east-1", "XDG_CACHE_HOME", temp.resolve(cache).toString(),
                "HOME", temp.resolve("home").toString()));
        settings.putAll(overrides);
        env.putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("firesight " + String.join(" ", args) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> sorted(String lines) {
        return lines.lines().sorted().toList();
    }
}
