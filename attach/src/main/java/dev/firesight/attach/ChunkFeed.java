package dev.firesight.attach;

import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * Brings a remote recording's chunks into a local file by ranged reads, for targets without the JDK's streaming
 * protocol and for downloads. Each {@link #update} reads, through {@code FlightRecorderMXBean.openStream}, only
 * the chunks that started at or after the newest one already here (the recorder hands over every chunk that
 * overlaps the range), and appends the ones not seen yet. The local file is always a sequence of complete
 * chunks, so it opens as a recording at any moment, also after the target died.
 *
 * <p>A running recording is cloned first and the clone read: stopping the clone closes the chunk being
 * written, so it can be read whole, while the recording itself carries on.
 */
final class ChunkFeed {
    private static final String BLOCK_SIZE = Integer.toString(1 << 20);

    private final RemoteJvm jvm;
    private final long id;
    private final Path file;
    private final ChunkAppender appender;

    /** @param file an existing, owner-only file that receives the chunks (it may be empty) */
    ChunkFeed(RemoteJvm jvm, long id, Path file) {
        this.jvm = jvm;
        this.id = id;
        this.file = file;
        this.appender = new ChunkAppender(file);
    }

    /**
     * Appends the chunks recorded since the last update.
     *
     * @param running true while the recording runs (it is then cloned to close the current chunk)
     * @return the size of the local file
     */
    synchronized long update(boolean running) throws AttachException {
        long source = running ? jvm.call("copying recording " + id, () -> jvm.recorder().cloneRecording(id, true))
                : id;
        Path part = null;
        try {
            part = OwnerOnly.tempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + "-", ".read");
            read(source, part);
            return appender.append(part);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not write what was received into " + file + " ("
                    + e.getMessage() + "); check the free space in its folder.", e);
        } finally {
            if (running) {
                closeClone(source);
            }
            deleteQuietly(part);
        }
    }

    private void read(long source, Path part) throws AttachException, IOException {
        long newest = appender.newestStartNanos();
        Map<String, String> options = newest < 0 ? Map.of("blockSize", BLOCK_SIZE)
                : Map.of("blockSize", BLOCK_SIZE, "startTime", Instant.ofEpochSecond(0, newest).toString());
        long stream = jvm.call("opening recording " + id, () -> jvm.recorder().openStream(source, options));
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (true) {
                byte[] block = jvm.call("reading recording " + id, () -> jvm.recorder().readStream(stream));
                if (block == null) {
                    break;
                }
                ByteBuffer buffer = ByteBuffer.wrap(block);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        } finally {
            try {
                jvm.call("closing the stream of recording " + id, () -> {
                    jvm.recorder().closeStream(stream);
                    return null;
                });
            } catch (AttachException ignored) {
                // the stream dies with the connection
            }
        }
    }

    private void closeClone(long clone) {
        try {
            jvm.call("closing a copy of recording " + id, () -> {
                jvm.recorder().closeRecording(clone);
                return null;
            });
        } catch (AttachException ignored) {
            // a copy left behind on a target that is gone or busy costs it only disk space until it exits
        }
    }

    Path file() {
        return file;
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover in an owner-only folder costs only space
        }
    }
}
