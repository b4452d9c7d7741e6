package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names, versions, folders and platform choices. */
class SmallPartsTest {
    @TempDir
    Path dir;

    @Test
    void displayNamesFromJvmstatCommands() {
        assertEquals("com.example.Main", JvmDiscovery.displayName("com.example.Main --port 80"));
        assertEquals("app.jar", JvmDiscovery.displayName("/opt/x/app.jar serve"));
        assertEquals(LocalJvm.UNKNOWN, JvmDiscovery.displayName(" "));
        assertEquals("Main", jvm("com.example.Main").applicationName());
        assertEquals("app", jvm("app.jar").applicationName());
    }

    @Test
    void javaFeatureVersions() {
        assertEquals(17, JavaVersions.feature("17.0.15"));
        assertEquals(21, JavaVersions.feature("21"));
        assertEquals(25, JavaVersions.feature("25-ea"));
        assertEquals(8, JavaVersions.feature("1.8.0_402"));
        assertEquals(0, JavaVersions.feature("unknown"));
    }

    @Test
    void libraryFolderPerPlatform() {
        assertEquals(Optional.of("linux-x64"), AsyncProfilerLibrary.platformFolder("Linux", "amd64"));
        assertEquals(Optional.of("linux-arm64"), AsyncProfilerLibrary.platformFolder("Linux", "aarch64"));
        assertEquals(Optional.of("macos"), AsyncProfilerLibrary.platformFolder("Mac OS X", "aarch64"));
        assertEquals(Optional.empty(), AsyncProfilerLibrary.platformFolder("Windows 11", "amd64"));
        assertEquals(Optional.empty(), AsyncProfilerLibrary.platformFolder("Linux", "riscv64"));
    }

    @Test
    void libraryIsExtractedOwnerOnlyAndOnce() throws Exception {
        AsyncProfilerLibrary library = AsyncProfilerLibrary.forThisPlatform(dir);
        Path extracted = library.extract();
        assertEquals(dir.resolve("4.2").resolve("libasyncProfiler.so"), extracted);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(extracted)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(extracted.getParent())));
        long modified = Files.getLastModifiedTime(extracted).toMillis();
        Files.setLastModifiedTime(extracted, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
        assertEquals(extracted, library.extract());
        assertEquals(modified - 60_000, Files.getLastModifiedTime(extracted).toMillis(), "an intact copy is reused");
    }

    @Test
    void unsupportedPlatformSaysSo() {
        AsyncProfilerLibrary library = new AsyncProfilerLibrary(Optional.empty(), dir, "4.2");
        assertFalse(library.supported());
        ProfilerUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(ProfilerUnavailableException.class,
                library::extract);
        assertTrue(e.getMessage().endsWith("; Firesight records with the JDK's Flight Recorder instead."), e.getMessage());
    }

    @Test
    void recordingNamesAreReadableAndNeverReused() throws IOException {
        RecordingsFolder folder = new RecordingsFolder(dir.resolve("recordings"));
        Instant at = Instant.parse("2026-11-24T20:15:03Z");
        Path first = folder.newRecordingFile("DemoService", 4711, at);
        assertTrue(first.getFileName().toString().matches("DemoService-4711-2026-11-2\\d_\\d{6}\\.jfr"), first.toString());
        Files.createFile(first);
        Path second = folder.newRecordingFile("DemoService", 4711, at);
        assertNotEquals(first, second);
        assertTrue(second.getFileName().toString().endsWith("-2.jfr"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path())));
        assertEquals("my_app_", RecordingsFolder.safe("my app/"));
        assertEquals("jvm", RecordingsFolder.safe("../"));
    }

    @Test
    void cpuSamplerFallbackIsExplained() {
        assertEquals(Optional.empty(), CpuSampler.fallbackMessage("perf_events"));
        assertEquals("perf_events are not permitted here (kernel.perf_event_paranoid, seccomp or a virtual machine),"
                + " so async-profiler sampled CPU with ctimer instead; the profile has no kernel frames.",
                CpuSampler.fallbackMessage("ctimer").orElseThrow());
    }

    @Test
    void attachModuleNeverImportsJavaFx() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    assertFalse(Files.readString(p).contains("import javafx."), p + " imports JavaFX");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static LocalJvm jvm(String displayName) {
        return new LocalJvm(1, displayName, "17", "x", Optional.empty(), true, "");
    }
}
