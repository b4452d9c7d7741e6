package dev.firesight.parser.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A memory cgroup with a limit, made for one test run, so that a child JVM runs as it would in a container
 * with a memory limit, and its recording has the container's events. Needs root and a writable memory
 * controller: cgroup v1 ({@code /sys/fs/cgroup/memory}, {@code memory.limit_in_bytes}) or v2
 * ({@code memory.max}); {@link #create} says which is missing otherwise.
 */
public final class MemoryCgroup implements AutoCloseable {
    private final Path dir;

    private MemoryCgroup(Path dir) {
        this.dir = dir;
    }

    /** A new cgroup limited to {@code limitBytes}, under the memory controller's root. */
    public static MemoryCgroup create(String name, long limitBytes) throws IOException {
        Path v1 = Path.of("/sys/fs/cgroup/memory");
        Path v2 = Path.of("/sys/fs/cgroup");
        if (Files.isWritable(v1.resolve("cgroup.procs"))) {
            Path dir = fresh(v1.resolve(name));
            Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(limitBytes));
            return new MemoryCgroup(dir);
        }
        if (Files.isRegularFile(v2.resolve("cgroup.controllers"))
                && Files.readString(v2.resolve("cgroup.controllers")).contains("memory")) {
            Path dir = fresh(v2.resolve(name));
            Files.writeString(dir.resolve("memory.max"), Long.toString(limitBytes));
            return new MemoryCgroup(dir);
        }
        throw new IOException("no writable memory cgroup here (needs root and /sys/fs/cgroup/memory or cgroup v2"
                + " with the memory controller), so no JVM can be run under a memory limit it detects");
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            Files.delete(dir); // a cgroup with no processes left in it can be removed
        }
        Files.createDirectory(dir);
        return dir;
    }

    /** The file a process writes its pid into to join the cgroup. */
    public Path procs() {
        return dir.resolve("cgroup.procs");
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dir);
    }
}
