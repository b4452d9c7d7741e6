package dev.firesight.app.flame;

import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real recordings made by running a small workload in a child JVM with Flight Recorder on. Threads of
 * the workload carry hostile names, so exports of per-thread trees are tested against real data. The
 * recording is made once per build and cached under target/.
 */
public final class ChildRecordings {
    /** Thread names a hostile or careless program could choose. */
    public static final List<String> HOSTILE_NAMES = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "]]><!-- --></title><script>alert(2)</script>",
            "nul\u0000bell\u0007esc\u001b[31mred",
            "rtl \u202Egnp.exe\u202C mark \u200F \u2066iso\u2069",
            "quotes ' \" ` & &amp; \\ \u2028 \u2029 end",
            "</script><script>alert(3)</script>",
            "emoji \uD83D\uDD25 lone \uD800 high",
            "L".repeat(64 * 1024 - 10) + "<b>end</b>");

    private static final Path DIR = Path.of("target", "flame-test-recordings");
    private static Profile hostile;

    private ChildRecordings() {
    }

    /** A CPU and allocation recording whose worker threads have {@link #HOSTILE_NAMES}. */
    public static synchronized Profile hostile() throws IOException, InterruptedException, RecordingException {
        if (hostile == null) {
            hostile = Recordings.open(record("hostile", HOSTILE_NAMES, 2500));
        }
        return hostile;
    }

    /** Path of the cached hostile recording, making it when missing. */
    public static synchronized Path hostileFile() throws IOException, InterruptedException {
        return record("hostile", HOSTILE_NAMES, 2500);
    }

    /** Records the workload with threads of the given names for about {@code millis}; cached by name. */
    public static Path record(String name, List<String> threadNames, int millis)
            throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Path jfr = DIR.resolve(name + ".jfr").toAbsolutePath();
        if (Files.isRegularFile(jfr) && Files.size(jfr) > 0) {
            return jfr;
        }
        Path source = DIR.resolve("FlameWorkload.java");
        Files.writeString(source, WORKLOAD, StandardCharsets.UTF_8);
        Path tmp = DIR.resolve(name + ".jfr.tmp").toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:StartFlightRecording:filename=" + tmp + ",settings=profile");
        cmd.add("-Xmx256m");
        cmd.add(source.toAbsolutePath().toString());
        cmd.add(Integer.toString(millis));
        Path names = DIR.resolve(name + ".names").toAbsolutePath();
        List<String> lines = new ArrayList<>();
        for (String t : threadNames) {
            lines.add(hex(t));
        }
        Files.write(names, lines, StandardCharsets.US_ASCII);
        cmd.add(names.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(DIR.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("workload JVM did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("workload JVM exited with " + p.exitValue() + ": "
                    + Files.readString(DIR.resolve(name + ".log")));
        }
        Files.move(tmp, jfr, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return jfr;
    }

    /** UTF-16 code units as hex, so any name (NUL included) survives the command line. */
    static String hex(String s) {
        StringBuilder b = new StringBuilder(s.length() * 4);
        for (int i = 0; i < s.length(); i++) {
            b.append(String.format("%04x", (int) s.charAt(i)));
        }
        return b.toString();
    }

    private static final String WORKLOAD = String.join("\n",
            "import java.util.*;",
            "public class FlameWorkload {",
            "  static volatile long sink;",
            "  static volatile Object keep;",
            "  public static void main(String[] a) throws Exception {",
            "    int millis = Integer.parseInt(a[0]);",
            "    List<Thread> ts = new ArrayList<>();",
            "    List<String> hex = java.nio.file.Files.readAllLines(java.nio.file.Path.of(a[1]));",
            "    for (int i = 0; i < hex.size(); i++) {",
            "      StringBuilder n = new StringBuilder();",
            "      String h = hex.get(i);",
            "      for (int k = 0; k + 4 <= h.length(); k += 4) n.append((char) Integer.parseInt(h.substring(k, k + 4), 16));",
            "      final int seed = i + 1;",
            "      Thread t = new Thread(() -> work(millis, seed), n.toString());",
            "      ts.add(t); t.start();",
            "    }",
            "    work(millis, 0);",
            "    for (Thread t : ts) t.join();",
            "  }",
            "  static void work(int millis, int seed) {",
            "    long end = System.nanoTime() + millis * 1_000_000L;",
            "    while (System.nanoTime() < end) { sink += outer(seed); keep = allocate(seed); }",
            "  }",
            "  static long outer(int seed) { return (seed & 1) == 0 ? hashWork(seed) : sortWork(seed); }",
            "  static long hashWork(int seed) {",
            "    long h = seed; for (int i = 0; i < 200_000; i++) h = h * 31 + (i ^ (h >>> 7)); return h;",
            "  }",
            "  static long sortWork(int seed) {",
            "    int[] x = new int[20_000]; Random r = new Random(seed);",
            "    for (int i = 0; i < x.length; i++) x[i] = r.nextInt(); Arrays.sort(x); return x[seed % x.length];",
            "  }",
            "  static Object allocate(int seed) {",
            "    List<String> l = new ArrayList<>();",
            "    for (int i = 0; i < 2_000; i++) l.add(Integer.toString(i * seed));",
            "    return l;",
            "  }",
            "}",
            "");
}
