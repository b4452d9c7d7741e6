package dev.firesight.app;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window ended by the terminal or the desktop session (SIGTERM, SIGINT) quits as File ▸ Quit does. */
class QuitOnSignalTest {
    @Test
    void sigtermQuitsTheWindowCleanly(@TempDir Path dir) throws Exception {
        quitBy(dir, Process::destroy, 143); // destroy() is SIGTERM
    }

    @Test
    void ctrlCQuitsTheWindowCleanly(@TempDir Path dir) throws Exception {
        quitBy(dir, child -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start().waitFor();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 130);
    }

    private static void quitBy(Path dir, java.util.function.Consumer<Process> signal, int status) throws Exception {
        Path events = dir.resolve("events.log");
        Path err = dir.resolve("err.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dfiresight.events=" + events, Launcher.class.getName(),
                TestRecordings.jdk17().toString())
                .redirectError(err.toFile()).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Process child = builder.start();
        try {
            // Signalled once the window paints the recording: pulses are running, as when a user quits.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!logged(events, "flame painted") && child.isAlive() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertTrue(logged(events, "flame painted"), "the window never painted: " + Files.readString(err));
            signal.accept(child);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "still running after the signal");
        } finally {
            child.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertEquals(status, child.exitValue(), stderr);
        assertTrue(logged(events, "app stop"), "the application's stop() did not run");
        List<String> traces = stderr.lines().filter(l -> l.contains("Exception") || l.startsWith("\tat ")).toList();
        assertEquals(List.of(), traces, stderr);
    }

    private static boolean logged(Path events, String what) throws Exception {
        return Files.exists(events) && Files.readAllLines(events).stream().anyMatch(l -> l.contains(" " + what));
    }
}
