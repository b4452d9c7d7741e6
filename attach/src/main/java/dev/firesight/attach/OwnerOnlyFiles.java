package dev.firesight.attach;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files that only the current user can read: profiles and the profiler library reveal
 * code and data of the recorded application. On file systems without POSIX permissions (Windows) the
 * per-user profile folders already give that protection, so nothing is changed there.
 */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code dir} and its missing parents, and makes {@code dir} itself owner-only. */
    static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /** Makes an existing file owner-only (read and write). */
    static Path file(Path file) throws IOException {
        if (posix() && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
