package dev.firesight.parser.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Real gzip bombs, streamed to disk by the test that needs them: one gzip member of 64 MB of zeros (64 KB
 * compressed) written again and again. A gzip file may hold many members, and every gzip reader expands
 * them one after the other, so 160 members are 10 GB of zeros in 10 MB.
 */
public final class GzipBombs {
    public static final long MEMBER_EXPANDED = 64L << 20;

    private GzipBombs() {
    }

    /** Writes {@code head} (may be empty) as one member, then {@code zeroMembers} members of 64 MB of zeros. */
    public static Path write(Path file, byte[] head, int zeroMembers) throws IOException {
        byte[] zeros = member(new byte[(int) MEMBER_EXPANDED]);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (head.length > 0) {
                out.write(member(head));
            }
            for (int i = 0; i < zeroMembers; i++) {
                out.write(zeros);
            }
        }
        return file;
    }

    public static byte[] member(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
