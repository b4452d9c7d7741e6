package dev.firesight.app.files;

import dev.firesight.attach.AsyncProfilerLibrary;
import dev.firesight.attach.demo.DemoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under {@code umask 022}, records a real JVM with both engines, exports, diffs and redacts through the
 * command line, and checks every file and folder Firesight made, including those that exist only while a
 * recording runs (the JDK's repository chunks, async-profiler's scratch folder, the expanded copy of a
 * compressed recording): none may ever be seen with a permission for the group or others.
 */
class FileModesTest {
    @Test
    void everythingFiresightCreatesIsOwnerOnlyFromTheStart(@TempDir Path root, @TempDir Path elsewhere)
            throws Exception {
        Path home = Files.createDirectory(root.resolve("home"));
        Path cache = Files.createDirectory(root.resolve("cache"));
        Path data = Files.createDirectory(root.resolve("data"));
        Path out = Files.createDirectory(root.resolve("out"));
        Path targetTemp = Files.createDirectory(root.resolve("target-tmp"));
        Path logs = Files.createDirectory(elsewhere.resolve("logs"));
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("XDG_CACHE_HOME", cache.toString());
        environment.put("XDG_DATA_HOME", data.toString());
        UmaskChild cli = new UmaskChild(environment, List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + targetTemp));
        Process target = new UmaskChild(environment, List.of("-Xmx128m", "-Djava.io.tmpdir=" + targetTemp))
                .start(elsewhere, logs.resolve("target.log"), DemoService.class.getName(), List.of());
        List<String> jfrRepository = new ArrayList<>();
        try (ModeWatch watch = new ModeWatch(Set.of(home, cache, data, out, targetTemp))) {
            assertEquals(0, cli.firesight(elsewhere, logs.resolve("record-jfr.log"), "record", "--pid",
                    String.valueOf(target.pid()), "--engine", "jfr", "--duration", "3", "-o",
                    out.resolve("jfr.jfr").toString()), () -> read(logs.resolve("record-jfr.log")));
            // -o on a symbolic link is refused, and the file it points to is left alone.
            Path victim = elsewhere.resolve("victim.jfr");
            Files.writeString(victim, "precious");
            Path link = Files.createSymbolicLink(out.resolve("link.jfr"), victim);
            watch.ignore(link);
            assertEquals(1, cli.firesight(elsewhere, logs.resolve("record-link.log"), "record", "--pid",
                    String.valueOf(target.pid()), "--engine", "jfr", "--duration", "1", "-o", link.toString()));
            assertTrue(read(logs.resolve("record-link.log")).contains(link + " is a symbolic link, not a regular file"),
                    read(logs.resolve("record-link.log")));
            assertEquals("precious", Files.readString(victim));
            Files.delete(link);
            boolean asyncProfiler = AsyncProfilerLibrary.forThisPlatform().supported();
            if (asyncProfiler) {
                assertEquals(0, cli.firesight(elsewhere, logs.resolve("record-ap.log"), "record", "--pid",
                        String.valueOf(target.pid()), "--engine", "async-profiler", "--duration", "2", "-o",
                        out.resolve("ap.jfr").toString()), () -> read(logs.resolve("record-ap.log")));
            }
            Path gzip = out.resolve("jfr.jfr.gz");
            watch.ignore(gzip);
            try (OutputStream zipped = new GZIPOutputStream(Files.newOutputStream(gzip))) {
                Files.copy(out.resolve("jfr.jfr"), zipped);
            }
            assertEquals(0, cli.firesight(elsewhere, logs.resolve("export.log"), "export", gzip.toString(), "--view",
                    "cpu", "--format", "svg", "-o", out.resolve("cpu.svg").toString()),
                    () -> read(logs.resolve("export.log")));
            assertEquals(0, cli.firesight(elsewhere, logs.resolve("diff.log"), "diff", out.resolve("jfr.jfr").toString(),
                    (asyncProfiler ? out.resolve("ap.jfr") : gzip).toString(), "--view", "cpu", "--format", "html",
                    "-o", out.resolve("diff.html").toString()), () -> read(logs.resolve("diff.log")));
            assertEquals(0, cli.firesight(elsewhere, logs.resolve("redact.log"), "redact", out.resolve("jfr.jfr").toString(),
                    "-o", out.resolve("redacted.jfr").toString()), () -> read(logs.resolve("redact.log")));
            watch.close();

            Map<Path, Set<String>> seen = watch.seen();
            for (Path path : seen.keySet()) {
                if (path.toString().matches(".*/sessions/jfr-repository-\\d+/.+\\.jfr")) {
                    jfrRepository.add(path.toString());
                }
            }
            assertEquals(Map.of(), watch.reachableByOthers(), "seen readable by others: " + seen);
            // Firesight's own files are all owner-only; only the target JVM's repository (its chunks, made
            // with the target's umask) is exempt, as it lies inside Firesight's owner-only folder.
            Map<Path, Set<String>> loose = new TreeMap<>(watch.notOwnerOnly());
            loose.keySet().removeIf(p -> p.toString().matches(".*/sessions/jfr-repository-\\d+/.+"));
            assertEquals(Map.of(), loose, "seen with permissions for others: " + seen);
            for (String name : List.of("jfr.jfr", "cpu.svg", "diff.html", "redacted.jfr")) {
                assertTrue(seen.containsKey(out.resolve(name)), name + " was written: " + seen.keySet());
            }
            if (asyncProfiler) {
                assertTrue(seen.containsKey(out.resolve("ap.jfr")), "async-profiler's recording: " + seen.keySet());
                assertTrue(seen.keySet().stream().anyMatch(p -> p.endsWith("libasyncProfiler.so")), "the library");
            }
            assertTrue(seen.containsKey(cache.resolve("firesight")), "the cache folder: " + seen.keySet());
        } finally {
            target.destroy();
            target.waitFor(10, TimeUnit.SECONDS);
        }
        // The JDK's repository, chunks included, was in Firesight's private folder, not in the temp folder.
        assertTrue(!jfrRepository.isEmpty(), "chunks seen in the private repository folder");
        try (var left = Files.list(targetTemp)) {
            assertEquals(List.of(), left.filter(p -> !p.getFileName().toString().startsWith("hsperfdata")).toList(),
                    "nothing of the recording in the target's temp folder");
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
