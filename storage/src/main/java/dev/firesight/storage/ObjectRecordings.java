package dev.firesight.storage;

import dev.firesight.files.OwnerOnly;
import dev.firesight.parser.TimeWindow;
import dev.firesight.parser.Wording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A prefix in a bucket as one recording: lists its objects and the time each covers, picks those a time
 * window needs, downloads what the cache lacks, and lays the cached files out as a folder that the parser
 * reads exactly as it reads a local folder of recordings (sources by JVM, chunks seen twice counted once,
 * gaps). The object keys only label the files; grouping comes from what the recordings say.
 */
public final class ObjectRecordings {
    /** Receives how far a step is, e.g. bytes downloaded out of the total; called on the working thread. */
    @FunctionalInterface
    public interface Progress {
        void progress(String step, long done, long total);
    }

    /** One object of a listing and the time its recording covers (from its chunk headers when it has them). */
    public record Entry(StoredObject object, String label, RecordingSpan span) {
        public boolean recording() {
            return span.kind() != RecordingSpan.Kind.OTHER;
        }

        /** The recording's start, or null when the object does not say without being downloaded. */
        public Instant start() {
            return span.startNanos() == 0 ? null : instant(span.startNanos());
        }

        /** The recording's end (at latest its last-modified time). */
        public Instant end() {
            return instant(span.endNanos());
        }
    }

    /** What a prefix holds, in key order. */
    public record Listing(S3Location location, List<Entry> entries) {
        /** The earliest start and latest end of the recordings, epoch nanoseconds; {0, 0} when there are none. */
        public long[] span() {
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (Entry e : entries) {
                if (e.recording()) {
                    start = Math.min(start, e.span().startNanos() == 0 ? e.span().endNanos() : e.span().startNanos());
                    end = Math.max(end, e.span().endNanos());
                }
            }
            return start == Long.MAX_VALUE ? new long[] {0, 0} : new long[] {start, end};
        }
    }

    /**
     * The folder to read as the recording, with what was left out and why.
     *
     * @param folder     the files of the chosen objects, named by their keys
     * @param window     the time window asked for in epoch nanoseconds, {from, to}; open ends are
     *                   {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}; null when none was asked for
     * @param notes      one sentence per object skipped because it is no recording, and one for the window
     * @param used       the objects in the folder
     * @param downloaded objects fetched from the store now (the rest came from the cache)
     */
    public record Fetched(Path folder, long[] window, List<String> notes, List<Entry> used, int downloaded,
                          long downloadedBytes) {
        /** The same window for loading the folder's samples; null when all of their time is wanted. */
        public TimeWindow timeWindow() {
            return window == null ? null : (start, end) -> window.clone();
        }
    }

    private final ObjectStore store;
    private final ObjectCache cache;
    private final Path opened;

    /** @param opened where the folders of opened prefixes are laid out (links to cached files) */
    public ObjectRecordings(ObjectStore store, ObjectCache cache, Path opened) {
        this.store = store;
        this.cache = cache;
        this.opened = opened;
    }

    /** With the folders of opened prefixes next to the cache. */
    public ObjectRecordings(ObjectStore store, ObjectCache cache) {
        this(store, cache, cache.folder().resolveSibling("opened"));
    }

    /**
     * Lists the prefix and finds each object's span: from the cache's index when this version was seen
     * before, else from its chunk headers by ranged reads (a few bytes each, never the whole object).
     */
    public Listing list(S3Location location, Progress progress, BooleanSupplier cancelled) throws StorageException {
        List<StoredObject> objects = store.list(location);
        List<Entry> entries = new ArrayList<>();
        int done = 0;
        for (StoredObject object : objects) {
            checkCancelled(cancelled);
            progress.progress("Reading the times of " + location, done++, objects.size());
            entries.add(new Entry(object, location.relative(object.key()), span(location, object)));
        }
        progress.progress("Reading the times of " + location, done, objects.size());
        return new Listing(location, List.copyOf(entries));
    }

    private RecordingSpan span(S3Location location, StoredObject object) throws StorageException {
        RecordingSpan known = cache.span(object);
        if (known != null) {
            return known;
        }
        Path cached = cache.cached(object);
        RecordingSpan span = object.size() == 0 ? new RecordingSpan(RecordingSpan.Kind.OTHER, 0, 0)
                : RecordingSpan.of(object, cached == null ? (offset, length) -> store.range(location, object, offset,
                length) : (offset, length) -> readCached(cached, offset, length));
        cache.remember(object, span);
        return span;
    }

    private static byte[] readCached(Path file, long offset, int length) throws StorageException {
        try {
            return ObjectCache.read(file, offset, length);
        } catch (IOException e) {
            throw new StorageException("The cached copy " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The recordings of a listing that a time window needs, with a note for each object left out.
     *
     * @param chosen the recordings to read
     * @param window the window in epoch nanoseconds, or null for all of the time
     * @param notes  objects skipped as no recording, and how many recordings lie outside the window
     */
    public record Choice(List<Entry> chosen, long[] window, List<String> notes) {
        public long bytes() {
            return chosen.stream().mapToLong(e -> e.object().size()).sum();
        }
    }

    /**
     * Picks the recordings of the listing that overlap the window (all of them when {@code window} is null).
     * The window is worked out from the span of the whole listing, so "--from 3600" counts from the earliest
     * recording under the prefix. No I/O.
     */
    public static Choice choose(Listing listing, TimeWindow window) throws StorageException {
        long[] span = listing.span();
        long[] wanted = window == null ? null : window.resolve(span[0], span[1]);
        List<String> notes = new ArrayList<>();
        List<Entry> chosen = new ArrayList<>();
        int outside = 0;
        for (Entry e : listing.entries()) {
            if (!e.recording()) {
                notes.add(e.label() + " is not a JFR recording (" + Wording.bytes(e.object().size())
                        + "); it was skipped.");
            } else if (wanted == null || e.span().overlaps(wanted[0], wanted[1])) {
                chosen.add(e);
            } else {
                outside++;
            }
        }
        if (chosen.isEmpty()) {
            throw new StorageException(listing.entries().isEmpty() ? "There are no objects under " + listing.location()
                    + "." : wanted == null || outside == 0 ? "There are no recordings under " + listing.location()
                    + ", only other objects." : "None of the " + outside + " recordings under " + listing.location()
                    + " covers the time window asked for.");
        }
        if (outside > 0) {
            notes.add(outside + " recording" + (outside == 1 ? "" : "s") + " under " + listing.location()
                    + " lie outside the time window and " + (outside == 1 ? "was" : "were") + " not downloaded.");
        }
        return new Choice(List.copyOf(chosen), wanted, List.copyOf(notes));
    }

    /** Downloads what the cache lacks of the recordings the window needs, and lays them out as one folder. */
    public Fetched fetch(Listing listing, TimeWindow window, Progress progress, BooleanSupplier cancelled)
            throws StorageException {
        Choice choice = choose(listing, window);
        List<Entry> chosen = choice.chosen();
        long[] wanted = choice.window();
        long total = 0;
        List<Path> files = new ArrayList<>();
        List<Entry> missing = new ArrayList<>();
        for (Entry e : chosen) {
            Path cached = cache.cached(e.object());
            files.add(cached);
            if (cached == null) {
                missing.add(e);
                total += e.object().size();
            }
        }
        AtomicLong received = new AtomicLong();
        long bytes = total;
        for (int i = 0; i < chosen.size(); i++) {
            if (files.get(i) == null) {
                Entry e = chosen.get(i);
                String step = "Downloading " + e.label() + " (" + (missing.indexOf(e) + 1) + " of " + missing.size()
                        + ")";
                progress.progress(step, received.get(), bytes);
                files.set(i, download(listing.location(), e.object(), files, n ->
                        progress.progress(step, received.addAndGet(n), bytes), cancelled));
            }
        }
        progress.progress("Downloaded", bytes, bytes);
        return new Fetched(layOut(listing.location(), wanted, chosen, files), wanted, choice.notes(), chosen,
                missing.size(), total);
    }

    private Path download(S3Location location, StoredObject object, List<Path> keep,
                          java.util.function.LongConsumer received, BooleanSupplier cancelled) throws StorageException {
        checkCancelled(cancelled);
        Path part = cache.newPart();
        boolean stored = false;
        try {
            try (OutputStream out = ObjectCache.overwrite(part)) {
                store.download(location, object, out, received, cancelled);
            } catch (IOException e) {
                throw new StorageException("The cache folder " + cache.folder() + " cannot be written: "
                        + e.getMessage(), e);
            }
            Path file = cache.store(object, part, keep.stream().filter(p -> p != null).toList());
            stored = true;
            return file;
        } finally {
            if (!stored) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover .part file is ignored by the cache and replaced on the next download
                }
            }
        }
    }

    /**
     * The folder the parser reads: one link per chosen object, named by its key relative to the prefix (so
     * warnings and unnamed sources say "pod-3_2026-12-03T10.jfr"), with the extension its bytes call for.
     * Rebuilt on each open, in a folder per location and window, named after the prefix (the tab's title).
     */
    private Path layOut(S3Location location, long[] window, List<Entry> chosen, List<Path> files)
            throws StorageException {
        // one folder per location and window: the window opens each as its own tab, the same one again as before
        String key = location + (window == null ? "" : " " + window[0] + " " + window[1]);
        Path folder = opened.resolve(digest(key)).resolve(location.displayName());
        try {
            OwnerOnly.folder(folder);
            try (Stream<Path> old = Files.list(folder)) {
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < chosen.size(); i++) {
                String name = fileName(chosen.get(i));
                while (!names.add(name.toLowerCase(Locale.ROOT))) {
                    name = "_" + name;
                }
                link(folder.resolve(name), files.get(i));
            }
        } catch (IOException e) {
            throw new StorageException("The folder " + folder + " for the downloaded recordings cannot be made: "
                    + e.getMessage(), e);
        }
        return folder;
    }

    /** A symbolic link where the system allows one (eviction then frees the space), else a copy. */
    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, link);
        }
    }

    static String fileName(Entry e) {
        String name = e.label().replace('/', '_').replaceAll("[\\\\:*?\"<>|\\p{Cntrl}]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "_" + name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String extension = e.span().kind().extension;
        boolean named = lower.endsWith(".jfr") || lower.endsWith(".jfr.gz") || lower.endsWith(".zip");
        return named && lower.endsWith(extension.substring(extension.lastIndexOf('.'))) ? name : name + extension;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
