package dev.firesight.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scratch files that must not outlive the process that made them, such as a compressed recording expanded
 * for reading (gigabytes). Each is owner-only and named {@code <kind>-<pid>-<random><suffix>}; it is deleted
 * when released, and at the latest when the JVM shuts down (normal exit, Ctrl-C or SIGTERM). A process
 * killed outright (SIGKILL, power loss) cannot clean up, so {@link #sweep} deletes the files of processes
 * that are no longer running.
 *
 * <p>The registry of live files is per JVM by nature: a shutdown hook is one per process.
 */
public final class ScratchFiles {
    private static final Pattern NAME = Pattern.compile("[a-z]+-(\\d+)-.*");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final Thread HOOK = new Thread(ScratchFiles::deleteAll, "firesight: delete scratch files");

    static {
        try {
            Runtime.getRuntime().addShutdownHook(HOOK);
        } catch (IllegalStateException shuttingDown) {
            // first used by another shutdown hook: the caller releases its files itself
        }
    }

    private ScratchFiles() {
    }

    /**
     * A new owner-only scratch file in {@code folder} (created owner-only when missing), deleted at shutdown
     * unless {@link #release released} before.
     *
     * @param kind lower-case letters naming what it holds, e.g. {@code expanded}
     */
    public static Path create(Path folder, String kind, String suffix) throws IOException {
        OwnerOnly.folder(folder);
        Path file = OwnerOnly.tempFile(folder, kind + "-" + ProcessHandle.current().pid() + "-", suffix);
        LIVE.add(file);
        return file;
    }

    /** Deletes {@code file} at shutdown unless {@link #forget forgotten} before (an output not yet renamed). */
    static void deleteAtShutdown(Path file) {
        LIVE.add(file);
    }

    /** No longer deletes {@code file} at shutdown. */
    static void forget(Path file) {
        LIVE.remove(file);
    }

    /** Deletes a scratch file now. */
    public static void release(Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            LIVE.remove(file);
        }
    }

    /**
     * Deletes the scratch files in {@code folder} whose process is gone: no process has that pid, or the one
     * that has it started after the file was last written (the pid was reused). A missing folder is fine.
     *
     * @return how many files were deleted
     */
    public static int sweep(Path folder) {
        int deleted = 0;
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && !ownerRunning(Long.parseLong(m.group(1)), file) && deleteQuietly(file)) {
                    deleted++;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // an unreadable folder or a name that is not ours: nothing to sweep
        }
        return deleted;
    }

    private static boolean ownerRunning(long pid, Path file) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        FileTime written = Files.getLastModifiedTime(file);
        return started.isEmpty() || !started.get().isAfter(written.toInstant());
    }

    private static void deleteAll() {
        for (Path file : LIVE) {
            deleteQuietly(file);
        }
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
