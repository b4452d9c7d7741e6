package dev.firesight.parser.robust;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writes {@code docs/damaged-files.md}: for every case of the {@link DamagedCorpus}, what Firesight, JMC and
 * the JDK's parser make of it. Runs only in {@code mvn -Preport} (the name matches no default surefire
 * pattern), since the other readers need a child JVM per hang. The fuzz figures are kept in their own
 * sections of the same file ({@link FuzzTest} figures are re-measured here; the long run writes its own).
 */
class DamagedFilesReport {
    static final String HEAP = "256m";
    static final long PER_FILE_SECONDS = 15;

    @Test
    void writeReport() throws Exception {
        DamagedCorpus corpus = DamagedCorpus.get();
        List<Path> files = corpus.cases.stream().map(DamagedCorpus.Case::file).toList();
        Map<String, String> jmc = runOracle("jmc", files);
        Map<String, String> jdk = runOracle("jdk", files);
        StringBuilder table = new StringBuilder();
        table.append("| Case | Damage | Firesight | JMC 9.1.0 `JfrLoaderToolkit.loadEvents` | JDK 17 `RecordingFile` |\n");
        table.append("|---|---|---|---|---|\n");
        for (DamagedCorpus.Case c : corpus.cases) {
            Outcome o = Outcome.firesight(c.file(), DamagedFilesTest.OPTIONS, 30_000);
            String name = c.file().getFileName().toString();
            table.append("| ").append(c.name()).append(" | ").append(cell(c.damage())).append(" | ")
                    .append(cell(firesight(o))).append(" | ").append(cell(jmc.get(name))).append(" | ")
                    .append(cell(jdk.get(name))).append(" |\n");
        }
        replaceSection("table", table.toString());

        FuzzRun run = new FuzzRun(1, FuzzTest.COUNT, 10_000, 120);
        replaceSection("fuzz-suite", "Normal suite (`FuzzTest`, seeds 1.." + FuzzTest.COUNT + "): " + run.figures()
                + (run.bad().isEmpty() ? "; no hang, crash or out-of-memory." : "; BAD: " + run.bad()) + "\n");
        assertEquals(files.size(), jmc.size());
    }

    private static String firesight(Outcome o) {
        String ms = " (" + o.millis() + " ms)";
        switch (o.kind()) {
            case OK:
                return "ok: " + o.events() + " events" + ms;
            case PARTIAL: {
                StringBuilder s = new StringBuilder("partial: " + o.events() + " events");
                if (o.unresolvedStacks() > 0) {
                    s.append(", ").append(o.unresolvedStacks()).append(" unresolved stacks");
                }
                s.append(ms).append("; ");
                List<String> w = o.warnings().stream().map(Object::toString).toList();
                s.append(String.join(" ", w.subList(0, Math.min(2, w.size()))));
                if (w.size() > 2) {
                    s.append(" (+").append(w.size() - 2).append(" more)");
                }
                return s.toString();
            }
            default:
                return o.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + o.error() + ms;
        }
    }

    private static String cell(String s) {
        return s == null ? "(no result)" : s.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Runs {@link OracleMain} over the files in child JVMs with a {@value #HEAP} heap; a file with no result
     * within {@value #PER_FILE_SECONDS} s is a hang, its JVM is killed and a new one goes on with the next file.
     */
    static Map<String, String> runOracle(String reader, List<Path> files) throws Exception {
        Map<String, String> results = new HashMap<>();
        int next = 0;
        while (next < files.size()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    OracleMain.class.getName(), reader));
            files.subList(next, files.size()).forEach(f -> command.add(f.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the child is gone
                }
                lines.add("EOF");
            });
            pump.setDaemon(true);
            pump.start();
            try {
                while (next < files.size()) {
                    String name = files.get(next).getFileName().toString();
                    String line = lines.poll(PER_FILE_SECONDS + 15, TimeUnit.SECONDS); // START (JVM start-up)
                    if (line == null || line.equals("EOF")) {
                        results.put(name, "JVM ended without a result" + exit(process));
                        next++;
                        break;
                    }
                    line = lines.poll(PER_FILE_SECONDS, TimeUnit.SECONDS);
                    if (line == null) {
                        results.put(name, "hang: no result within " + PER_FILE_SECONDS + " s (killed)");
                        next++;
                        break;
                    }
                    if (line.equals("EOF")) {
                        results.put(name, "JVM died" + exit(process));
                        next++;
                        break;
                    }
                    results.put(name, line.substring(line.indexOf('\t') + 1));
                    next++;
                }
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return results;
    }

    private static String exit(Process process) throws InterruptedException {
        return process.waitFor(5, TimeUnit.SECONDS) ? " (exit code " + process.exitValue() + ")" : "";
    }

    /** The repository's docs/damaged-files.md. */
    static Path reportFile() {
        return TestRecordings.directory().getParent().getParent().getParent().resolve("docs").resolve("damaged-files.md");
    }

    /** Replaces the text between {@code <!-- name:start -->} and {@code <!-- name:end -->}, creating the file. */
    static synchronized void replaceSection(String name, String content) throws IOException {
        Path file = reportFile();
        Files.createDirectories(file.getParent());
        String text = Files.isRegularFile(file) ? Files.readString(file) : skeleton();
        String start = "<!-- " + name + ":start -->\n";
        String end = "<!-- " + name + ":end -->";
        int a = text.indexOf(start);
        int b = text.indexOf(end);
        if (a < 0 || b < a) {
            text = text + "\n" + start + end + "\n";
            a = text.indexOf(start);
            b = text.indexOf(end);
        }
        text = text.substring(0, a + start.length()) + content + text.substring(b);
        Files.writeString(file, text);
    }

    private static String skeleton() {
        return """
                # Damaged and hostile recordings

                What Firesight, JDK Mission Control and the JDK's own parser make of damaged and hostile JFR
                files. Every file is generated by the tests from real recordings (JDK 17 JFR of the test
                workload, the same workload under async-profiler 4.2, and a multi-chunk JDK 17 recording), see
                `parser/src/test/java/dev/firesight/parser/robust/DamagedCorpus.java`; `DamagedFilesTest` asserts
                Firesight's column on every build (each file within 10 s; the huge-size cases also in a 64 MB
                heap).

                Regenerate this table with `mvn -pl parser verify -Preport` and the long fuzz figures with
                `mvn -pl parser verify -Pfuzz` (optionally `-Dfiresight.fuzz.count=N`). JMC and the JDK parser run
                in child JVMs with a 256 MB heap; a file with no result within 15 s counts as a hang and its JVM
                is killed. "Events" counts every event the reader returned (Firesight: events read per type,
                summed). Times are wall-clock on the build machine and vary from run to run.

                ## Cases

                <!-- table:start -->
                <!-- table:end -->

                ## Fuzzing

                A seeded mutator (`Mutator`) damages the three real recordings: flipped bytes, event sizes and
                other varints overwritten with huge values, chunk-header fields overwritten (0, -1,
                Long.MAX_VALUE, 3 GiB, random), cuts, duplicated and deleted ranges (1 to 3 steps per mutant).
                Each mutant is opened in a child JVM with `-Xmx64m`; it must give a profile or a
                `RecordingException` within 10 s. "Heap growth" is the heap pools' peak use while loading,
                over the use after a GC just before; "allocated" is what the loading thread allocated.

                <!-- fuzz-suite:start -->
                <!-- fuzz-suite:end -->

                <!-- fuzz-long:start -->
                <!-- fuzz-long:end -->
                """;
    }
}
