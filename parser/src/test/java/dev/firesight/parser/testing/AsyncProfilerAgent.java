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
