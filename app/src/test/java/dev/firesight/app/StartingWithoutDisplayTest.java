package dev.firesight.app;

import dev.firesight.app.cli.Cli;
import dev.firesight.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees when the words are not files, or there is no display for the window. */
class StartingWithoutDisplayTest {
    @Test
    void aMistypedCommandIsNamedWithTheNearestOne() {
        assertEquals(List.of("firesight: unknown command 'sumary'; did you mean 'summary'?"),
                stderrOf(2, "sumary", "x.jfr"));
        assertEquals(List.of("firesight: unknown command 'exprot'; did you mean 'export'?"),
                stderrOf(2, "exprot", "x.jfr", "--format", "svg"));
        assertEquals(List.of("firesight: unknown command 'inspect'; 'firesight --help' lists the commands."),
                stderrOf(2, "inspect", "a.jfr", "b.jfr"));
    }

    @Test
    void recordingFilesStillGoToTheWindow(@TempDir Path dir) throws Exception {
        assertFalse(Cli.handles(new String[] {"a.jfr", "b.jfr"}));
        Path recording = Files.writeString(dir.resolve("summary"), "a file named like a command");
        assertFalse(Cli.handles(new String[] {recording.toString()}));
        assertTrue(Cli.handles(new String[] {"sumary", "x.jfr"}));
    }

    @Test
    void noDisplayIsOneLinePointingToTheCommandLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("err.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "a.jfr", "b.jfr")
                .redirectError(log.toFile()).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process child = builder.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, child.exitValue());
        // The JVM's own "Picked up JAVA_TOOL_OPTIONS" line, where that is set, is not Firesight's.
        assertEquals(List.of("firesight: there is no display to open the window on (DISPLAY is not set); without one,"
                + " use the command line, e.g. 'firesight summary FILE.jfr' ('firesight --help' lists the commands)."),
                Files.readAllLines(log).stream().filter(l -> !l.startsWith("Picked up ")).toList());
        assertEquals(0, Files.size(dir.resolve("out.log")));
    }

    /** A run killed outright (SIGKILL) leaves its expanded copy; the next start deletes it. */
    @Test
    void startingDeletesTheScratchFilesOfDeadProcesses(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path scratch = Files.createDirectories(dir.resolve("cache/firesight/tmp"));
        Path stale = Files.writeString(scratch.resolve("expanded-" + gone.pid() + "-42.jfr"), "2.9 GB, once");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--version")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Process child = builder.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("out.log")));
        assertFalse(Files.exists(stale));
    }

    @Test
    void onlyXAndWaylandNeedADisplayNamed() {
        assertTrue(DesktopLauncher.missingDisplay(Map.of(), "Linux", null).isPresent());
        assertFalse(DesktopLauncher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null).isPresent());
        assertFalse(DesktopLauncher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).isPresent());
        assertFalse(DesktopLauncher.missingDisplay(Map.of(), "Mac OS X", null).isPresent());
        assertFalse(DesktopLauncher.missingDisplay(Map.of(), "Windows 11", null).isPresent());
        assertFalse(DesktopLauncher.missingDisplay(Map.of(), "Linux", "Monocle").isPresent());
    }

    /** JavaFX logs its class-path warning through System.Logger "javafx"; only that warning is dropped. */
    @Test
    void javaFxsConfigurationWarningNeverReachesTheUser() {
        List<String> printed = new ArrayList<>();
        Logger javafx = Logger.getLogger("javafx");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                printed.add(record.getMessage()); // what reaches a handler is what would be printed
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(handler);
        try {
            DesktopLauncher.silenceConfigurationWarning();
            System.Logger logger = System.getLogger("javafx");
            logger.log(System.Logger.Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from"
                    + " 'unnamed module @6d06d69c'");
            logger.log(System.Logger.Level.WARNING, "Another warning");
        } finally {
            javafx.removeHandler(handler);
        }
        assertEquals(List.of("Another warning"), printed);
    }

    private static List<String> stderrOf(int expectedExit, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(expectedExit, run.exitCode(), String.join("\n", run.errLines()));
        return run.errLines();
    }
}
