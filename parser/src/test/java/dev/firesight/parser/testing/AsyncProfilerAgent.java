package dev.firesight.parser.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The async-profiler native agent, extracted from the {@code tools.profiler:async-profiler} jar on the
 * test class path ({@code linux-x64/}, {@code linux-arm64/} or {@code macos/libasyncProfiler.so}).
 */
public final class AsyncProfilerAgent {
    private AsyncProfilerAgent() {
    }

    /** The jar's directory for this OS and architecture, or empty where async-profiler has no build. */
    public static Optional<String> platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Optional.of("macos");
        }
        if (os.contains("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return Optional.of("linux-x64");
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return Optional.of("linux-arm64");
            }
        }
        return Optional.empty();
    }

    /**
     * The agent library of an earlier async-profiler release, extracted from its jar, which the parser's
     * build copies into {@code target/async-profiler-releases/} (the property
     * {@code firesight.asyncProfilerReleases} names another folder). Fails when the jar is missing: the
     * tests that need a release must not pass silently without it.
     */
    public static synchronized Path releaseLibrary(String version, Path dir) throws IOException {
        String platform = platform().orElseThrow(() -> new IOException(
                "async-profiler has no build for " + System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        Path target = dir.resolve(version).resolve(platform).resolve("libasyncProfiler.so");
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return target;
        }
        Path releases = Path.of(System.getProperty("firesight.asyncProfilerReleases", "target/async-profiler-releases"));
        Path jar = releases.resolve("async-profiler-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException("async-profiler " + version + " is not in " + releases.toAbsolutePath()
                    + "; the parser module's build copies it there (mvn generate-test-resources)");
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry(platform + "/libasyncProfiler.so");
            if (entry == null) {
                throw new IOException(jar + " has no " + platform + "/libasyncProfiler.so");
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "lib", ".tmp");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /**
     * Extracts the agent library into {@code <dir>/<platform>/libasyncProfiler.so} once and returns it,
     * or empty on platforms async-profiler does not support.
     */
    public static synchronized Optional<Path> library(Path dir) throws IOException {
        Optional<String> platform = platform();
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        String resource = platform.get() + "/libasyncProfiler.so";
        Path target = dir.resolve(resource);
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return Optional.of(target);
        }
        try (InputStream in = AsyncProfilerAgent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("async-profiler jar with " + resource + " is not on the class path");
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "lib", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return Optional.of(target);
    }
}
