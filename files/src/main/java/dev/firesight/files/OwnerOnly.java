package dev.firesight.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way Firesight creates files and folders: readable by their owner only from the moment they
 * exist. Profiles, scratch copies and the profiler library reveal code and data of the recorded
 * application, so they are created with {@code rw-------} and {@code rwx------} in the same system call
 * that makes them (never made first and restricted afterwards, which leaves a moment in which another user
 * can open them). Existing files and folders are never changed. On file systems without POSIX permissions
 * (Windows) the per-user profile folders give that protection, and files are created plainly.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and each missing parent, every one owner-only; folders that already exist are left
     * as they are. Returns {@code dir}.
     *
     * @throws IOException with a sentence naming the folder that could not be created and why
     */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            folder(parent);
        }
        try {
            Files.createDirectory(absolute, folderAttributes(absolute));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw new CreationRefusedException("The folder " + absolute + " could not be created: something"
                        + " that is not a folder has that name.", "a file of that name is in the way", e);
            }
        } catch (AccessDeniedException e) {
            throw new CreationRefusedException("The folder " + absolute + " could not be created: permission"
                    + " denied.", "permission denied", e);
        } catch (IOException e) {
            throw new CreationRefusedException("The folder " + absolute + " could not be created ("
                    + e.getClass().getSimpleName() + ").", e.getClass().getSimpleName(), e);
        }
        return dir;
    }

    /**
     * Creates a new, empty, owner-only file; fails when anything of that name exists, a symbolic link
     * included (the link is not followed).
     */
    public static Path newFile(Path file) throws IOException {
        try (FileChannel ignored = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), fileAttributes(file))) {
            return file;
        } catch (NoSuchFileException e) {
            throw missingFolder(file, e);
        }
    }

    /**
     * An owner-only file at {@code file} that another process (the recorded JVM) may then write into: an
     * existing regular file there is replaced by a new, empty one; anything else (a symbolic link, a folder,
     * a pipe) is refused rather than followed or overwritten.
     */
    public static Path freshFile(Path file) throws IOException {
        refuseNonRegular(file);
        Files.deleteIfExists(file);
        return newFile(file);
    }

    /** A new owner-only file with a unique name in {@code dir}, e.g. {@code prefix1234567suffix}. */
    public static Path tempFile(Path dir, String prefix, String suffix) throws IOException {
        return Files.createTempFile(dir, prefix, suffix, fileAttributes(dir));
    }

    /** A new owner-only folder with a unique name in {@code dir}. */
    public static Path tempFolder(Path dir, String prefix) throws IOException {
        return Files.createTempDirectory(dir, prefix, folderAttributes(dir));
    }

    /** Throws a sentence when {@code file} exists but is not a regular file (links are not followed). */
    public static void refuseNonRegular(Path file) throws CreationRefusedException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CreationRefusedException(file + " is " + kind(file) + ", not a regular file; Firesight"
                    + " replaces only regular files, so choose another name.", "not a regular file", null);
        }
    }

    /** The sentence for a file whose folder is missing. */
    static CreationRefusedException missingFolder(Path file, IOException cause) {
        Path parent = file.toAbsolutePath().getParent();
        return new CreationRefusedException("The folder " + parent + " does not exist; create it first or"
                + " choose another place for " + file.getFileName() + ".", "the folder does not exist", cause);
    }

    private static String kind(Path file) {
        if (Files.isSymbolicLink(file)) {
            return "a symbolic link";
        }
        return Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a pipe, socket or device";
    }

    private static FileAttribute<?>[] folderAttributes(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] fileAttributes(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path where) {
        return where.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
