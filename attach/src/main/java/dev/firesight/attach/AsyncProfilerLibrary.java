package dev.firesight.attach;

import dev.firesight.files.OwnerOnly;
import dev.firesight.files.OutputFile;
import dev.firesight.files.UserFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * async-profiler's native library, shipped inside the {@code tools.profiler:async-profiler} jar for
 * linux-x64, linux-arm64 and macOS, extracted to a per-user cache folder that only the user can read,
 * e.g. {@code ~/.cache/firesight/async-profiler/4.2/libasyncProfiler.so}. The target JVM loads it from
 * there, so the target must run as the same user.
 */
public final class AsyncProfilerLibrary {
    private static final String LIBRARY = "libasyncProfiler.so";

    private final Optional<String> platformFolder;
    private final Path cacheRoot;
    private final String version;

    AsyncProfilerLibrary(Optional<String> platformFolder, Path cacheRoot, String version) {
        this.platformFolder = platformFolder;
        this.cacheRoot = cacheRoot;
        this.version = version;
    }

    /** The library for this OS and CPU, cached under {@code $XDG_CACHE_HOME/firesight} or its equivalent. */
    public static AsyncProfilerLibrary forThisPlatform() {
        return forThisPlatform(UserFolders.cache().resolve("async-profiler"));
    }

    public static AsyncProfilerLibrary forThisPlatform(Path cacheRoot) {
        return new AsyncProfilerLibrary(platformFolder(System.getProperty("os.name"), System.getProperty("os.arch")),
                cacheRoot, bundledVersion());
    }

    /** The jar folder holding the library for an OS and CPU, e.g. "linux-x64"; empty when none fits. */
    static Optional<String> platformFolder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return Optional.of("linux-x64");
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return Optional.of("linux-arm64");
            }
        } else if (os.startsWith("mac")) {
            return Optional.of("macos");
        }
        return Optional.empty();
    }

    public String version() {
        return version;
    }

    /** True when the jar carries a library for this OS and CPU. */
    public boolean supported() {
        return platformFolder.isPresent() && getClass().getClassLoader().getResource(resource()) != null;
    }

    /**
     * Extracts the library (once per version; a damaged or different copy is replaced) and returns its
     * absolute path.
     */
    public Path extract() throws ProfilerUnavailableException {
        if (!supported()) {
            throw new ProfilerUnavailableException("async-profiler has no library for "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                    + "; Firesight records with the JDK's Flight Recorder instead.");
        }
        try {
            byte[] bytes = bundledBytes();
            Path folder = OwnerOnly.folder(cacheRoot.resolve(version));
            Path library = folder.resolve(LIBRARY);
            if (Files.isRegularFile(library) && Arrays.equals(Files.readAllBytes(library), bytes)) {
                return library.toAbsolutePath();
            }
            OutputFile.write(library, out -> out.write(bytes));
            return library.toAbsolutePath();
        } catch (IOException | UncheckedIOException e) {
            throw new ProfilerUnavailableException("Could not write async-profiler's library to " + cacheRoot
                    + " (" + e.getMessage() + "); free some disk space or fix that folder's permissions.", e);
        }
    }

    private String resource() {
        return platformFolder.orElse("none") + "/" + LIBRARY;
    }

    private byte[] bundledBytes() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource())) {
            if (in == null) {
                throw new IOException("the library is missing from the application");
            }
            return in.readAllBytes();
        }
    }

    private static String bundledVersion() {
        String pom = "META-INF/maven/tools.profiler/async-profiler/pom.properties";
        try (InputStream in = AsyncProfilerLibrary.class.getClassLoader().getResourceAsStream(pom)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException ignored) {
            // fall through: an unknown version still gets its own cache folder
        }
        return "unknown";
    }
}
