package dev.firesight.storage;

import dev.firesight.files.OwnerOnly;
import dev.firesight.files.UserFolders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Downloaded objects in the private cache folder ({@code firesight/objects}, owner-only), one file per
 * object version named by its ETag and size, so an object is never downloaded twice while it is unchanged.
 * A file's modification time records its last use; past the size cap the least recently used files go.
 * The spans read from chunk headers are kept in an index beside them, so a second open sends no GET.
 */
public final class ObjectCache {
    /** The default cap: room for a day of a small fleet's hourly dumps. */
    public static final long DEFAULT_CAP = 4L << 30;
    private static final String INDEX = "spans.properties";
    private static final String PART = ".part";

    private final Path folder;
    private final long cap;
    private final Properties spans = new Properties();

    public ObjectCache(Path folder, long cap) throws StorageException {
        this.folder = folder;
        this.cap = cap;
        try {
            OwnerOnly.folder(folder);
            Path index = folder.resolve(INDEX);
            if (Files.isRegularFile(index)) {
                try (Reader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
                    spans.load(in);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException("The cache folder " + folder + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The cache in the user's cache folder, with the default cap. */
    public static ObjectCache standard() throws StorageException {
        return new ObjectCache(standardFolder(), DEFAULT_CAP);
    }

    /** {@code firesight/objects} in the user's cache folder. */
    public static Path standardFolder() {
        return UserFolders.cache().resolve("objects");
    }

    public Path folder() {
        return folder;
    }

    /** The cached copy of this object version, or null. Marks it used. */
    Path cached(StoredObject object) {
        Path file = folder.resolve(object.cacheName());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            if (Files.size(file) != object.size()) {
                Files.delete(file); // left by a crash mid-move, or a store that reuses ETags: download again
                return null;
            }
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            return null;
        }
        return file;
    }

    /** The span known for this object version, or null. */
    synchronized RecordingSpan span(StoredObject object) {
        String text = spans.getProperty(object.cacheName());
        try {
            return text == null ? null : RecordingSpan.parse(text);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Remembers spans (written at once, so another open finds them). */
    synchronized void remember(StoredObject object, RecordingSpan span) throws StorageException {
        spans.setProperty(object.cacheName(), span.format());
        try {
            Path temp = OwnerOnly.tempFile(folder, INDEX, PART);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                spans.store(out, "Firesight: time spans of cached object versions");
            }
            move(temp, folder.resolve(INDEX));
        } catch (IOException e) {
            throw new StorageException("The cache folder " + folder + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Where a download goes before it is complete. */
    Path newPart() throws StorageException {
        try {
            return OwnerOnly.tempFile(folder, "download-", PART);
        } catch (IOException e) {
            throw new StorageException("The cache folder " + folder + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Puts a complete download in place, then evicts least recently used files past the cap. */
    Path store(StoredObject object, Path part, List<Path> keep) throws StorageException {
        Path file = folder.resolve(object.cacheName());
        try {
            move(part, file);
            List<Path> needed = new ArrayList<>(keep);
            needed.add(file);
            evict(needed);
        } catch (IOException e) {
            throw new StorageException("The cache folder " + folder + " cannot be written: " + e.getMessage(), e);
        }
        return file;
    }

    /** Total bytes of the cached objects. */
    public long size() throws IOException {
        long total = 0;
        for (Path p : objects()) {
            total += Files.size(p);
        }
        return total;
    }

    /**
     * Deletes least recently used files until the cache is under its cap, never one in {@code keep} (the
     * objects the recording being opened needs, even if they alone pass the cap).
     */
    void evict(List<Path> keep) throws IOException {
        List<Path> files = new ArrayList<>(objects());
        long total = 0;
        for (Path p : files) {
            total += Files.size(p);
        }
        files.sort(Comparator.comparing(ObjectCache::lastUse));
        for (Path p : files) {
            if (total <= cap) {
                break;
            }
            if (!keep.contains(p)) {
                total -= Files.size(p);
                Files.deleteIfExists(p);
            }
        }
    }

    private List<Path> objects() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return !n.equals(INDEX) && !n.endsWith(PART) && Files.isRegularFile(p);
            }).toList();
        }
    }

    private static FileTime lastUse(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads a cached file's bytes at an offset, for spans of objects cached before the index knew them. */
    static byte[] read(Path file, long offset, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return in.readNBytes(length);
        }
    }

    static OutputStream overwrite(Path part) throws IOException {
        return Files.newOutputStream(part, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    }
}
