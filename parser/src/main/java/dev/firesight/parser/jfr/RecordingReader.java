package dev.firesight.parser.jfr;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Warning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Reads a whole recording file chunk by chunk, each chunk memory-mapped so the file's bytes never sit
 * on the heap. Good chunks are kept when later ones are damaged, duplicated, or followed by garbage.
 */
public final class RecordingReader {
    private static final long MAX_CHUNK_MAPPING = Integer.MAX_VALUE - 8;

    private final Path path;
    private final LoadOptions options;
    /** The chunk read last and the metadata its events were read with (null if none), for the next chunk. */
    private ChunkHeader lastRead;
    private Metadata lastMetadata;
    /** The last chunk's stack resolver, which the next chunk of the same recording may fall back on. */
    private StackResolver previousResolver;

    private final dev.firesight.parser.PartialProfiles partials;
    /** Whether chunks' stacks may be resolved on a second thread while their events are scanned. */
    private final boolean concurrent;

    public RecordingReader(Path path, LoadOptions options) {
        this(path, options, null);
    }

    /** @param partials where partial profiles of what has been read go while reading, or null */
    public RecordingReader(Path path, LoadOptions options, dev.firesight.parser.PartialProfiles partials) {
        this(path, options, partials, concurrentByDefault());
    }

    /** @param concurrent false to read on one thread only, as a reference for the concurrent read */
    RecordingReader(Path path, LoadOptions options, dev.firesight.parser.PartialProfiles partials,
                    boolean concurrent) {
        this.path = path;
        this.options = options;
        this.partials = partials;
        this.concurrent = concurrent;
    }

    /**
     * Stacks are resolved on a second thread when there is a second core, unless the system property
     * {@code firesight.sequentialRead} is true (to compare, or to leave the core to something else).
     */
    static boolean concurrentByDefault() {
        return Runtime.getRuntime().availableProcessors() > 1 && !Boolean.getBoolean("firesight.sequentialRead");
    }

    public Profile read() throws RecordingException, IOException {
        try {
            return readOnce();
        } catch (ConcurrentStacks.Mismatch e) {
            return new RecordingReader(path, options, partials, false).readOnce();
        }
    }

    private Profile readOnce() throws RecordingException, IOException {
        if (Files.isDirectory(path)) {
            return readFolder();
        }
        byte[] head = readHead(path, 4);
        if (head.length == 0) {
            throw new RecordingException(name() + " is empty (0 bytes); it is not a JFR recording.");
        }
        if (Decompressor.isGzip(head) || Decompressor.isZip(head)) {
            removeStaleScratchFiles();
            Decompressor.Expanded expanded = Decompressor.expand(path, Decompressor.isZip(head),
                    options.maxDecompressedBytes());
            try {
                if (Files.size(expanded.file()) == 0) {
                    throw new RecordingException(name() + " is compressed but holds no data once expanded"
                            + " (it is empty or cut off right at its start).");
                }
                return readPlain(expanded.file(), Files.size(path), expanded.cut());
            } finally {
                Decompressor.release(expanded);
            }
        }
        return readPlain(path, Files.size(path), null);
    }

    /** See {@link dev.firesight.parser.Recordings#removeStaleScratchFiles()}. */
    public static void removeStaleScratchFiles() {
        Decompressor.sweepStale();
    }

    private String name() {
        return String.valueOf(path.getFileName());
    }

    /** Reads an uncompressed recording; {@code cut} is the expansion's warning when it stopped early. */
    private Profile readPlain(Path file, long reportedSize, String cut) throws RecordingException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ChunkHeader first = header(channel, 0, fileSize);
            if (first == null) {
                if (fileSize >= 4 && fileSize < ChunkHeader.SIZE && headerBytesStartWithMagic(channel)) {
                    throw new RecordingException(name() + " is cut off: it ends inside its first chunk header,"
                            + " after " + fileSize + " bytes.");
                }
                throw new RecordingException(name() + " is not a JFR recording (it does not start with the"
                        + " JFR file signature).");
            }
            checkVersion(first);
            long[] span = span(channel, fileSize);
            ProfileBuilder builder = new ProfileBuilder(first.startNanos, timeUnit(span));
            limitDetail(builder, span);
            builder.spanUnits = spanUnits(span);
            if (cut != null) {
                builder.warn(Warning.Kind.COMPRESSED_CUT, 0, -1, cut);
            }
            LoadControl control = new LoadControl(options, fileSize, partials);
            builder.partialOf(path, reportedSize);
            readChunks(channel, fileSize, builder, control, new HashSet<>());
            control.progress(fileSize);
            return finish(builder, reportedSize);
        }
    }

    /** The profile, or an error when nothing in the file (or folder) could be read. */
    private Profile finish(ProfileBuilder builder, long reportedSize) throws RecordingException {
        if (builder.chunks == 0) {
            throw new RecordingException(name() + " contains no readable JFR data.");
        }
        if (builder.chunksWithMetadata == 0) {
            String why = builder.metadataProblem != null ? builder.metadataProblem : builder.firstWarning();
            throw new RecordingException(name() + " contains no readable JFR data" + (why == null ? "."
                    : " (" + why.substring(0, why.length() - 1) + ")."));
        }
        if (!builder.truncatedSamples.isEmpty()) {
            java.util.List<String> counts = new java.util.ArrayList<>();
            builder.truncatedSamples.forEach((view, n) ->
                    counts.add(dev.firesight.parser.Wording.count(n[0]) + " " + view.eventNoun()));
            builder.note(String.join(" and ", counts) + " have stacks deeper than the recorder's stack depth,"
                    + " which cut off their outermost frames; they are shown under [truncated]. Record with a"
                    + " larger depth (JFR: -XX:FlightRecorderOptions:stackdepth=256) for whole stacks.");
        }
        if (builder.cutStacks > 0) {
            builder.note("Stacks were cut to their " + options.maxStackDepth() + " frames nearest the leaf, as"
                    + " asked, so callers above that depth are not shown; reopen the recording for whole stacks.");
        }
        return builder.build(path, reportedSize);
    }

    /** One file of a folder, expanded when it was compressed, with its chunks' span. */
    private record Part(Path original, Path plain, Decompressor.Expanded expanded, long start, long[] span,
                        long size) {
    }

    /**
     * Reads a folder of recordings as one: a JFR repository (one file per chunk), periodic dumps, copies from
     * several replicas. Files are read in the order their first chunks start; a chunk that several files hold
     * counts once; each JVM becomes a source. A file that is not a readable recording is skipped with a
     * warning, losing only itself.
     */
    private Profile readFolder() throws RecordingException, IOException {
        List<Path> files = recordingFiles(path);
        if (files.isEmpty()) {
            throw new RecordingException(name() + " holds no recordings (.jfr, .jfr.gz or .zip files).");
        }
        List<Part> parts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            for (Path file : files) {
                Part part = part(file, skipped);
                if (part != null) {
                    parts.add(part);
                }
            }
            if (parts.isEmpty()) {
                throw new RecordingException(name() + " holds no readable recording: " + skipped.get(0));
            }
            parts.sort(java.util.Comparator.comparingLong(Part::start));
            long[] span = null;
            boolean spanKnown = true;
            long total = 0;
            long reported = 0;
            for (Part p : parts) {
                spanKnown &= p.span() != null;
                if (p.span() != null) {
                    span = span == null ? p.span().clone()
                            : new long[] {Math.min(span[0], p.span()[0]), Math.max(span[1], p.span()[1])};
                }
                total += p.size();
                reported += Files.size(p.original());
            }
            ProfileBuilder builder = new ProfileBuilder(parts.get(0).start(), timeUnit(spanKnown ? span : null));
            limitDetail(builder, spanKnown ? span : null);
            builder.spanUnits = spanUnits(spanKnown ? span : null);
            skipped.forEach(s -> builder.warn(Warning.Kind.FILE_SKIPPED, 0, -1, s));
            LoadControl control = new LoadControl(options, total, partials);
            builder.partialOf(path, reported);
            builder.severalFiles = true;
            Set<String> seen = new HashSet<>();
            for (Part p : parts) {
                String fileName = String.valueOf(p.original().getFileName());
                builder.warnFile = fileName;
                builder.fallbackSource("file:" + p.original(), fileName);
                if (p.expanded() != null && p.expanded().cut() != null) {
                    builder.warn(Warning.Kind.COMPRESSED_CUT, 0, -1, p.expanded().cut());
                }
                try (FileChannel channel = FileChannel.open(p.plain(), StandardOpenOption.READ)) {
                    readChunks(channel, p.size(), builder, control, seen);
                }
                control.nextFile(p.size());
            }
            builder.warnFile = null;
            if (builder.repeatedChunks > 0) {
                builder.note(builder.repeatedChunks + " chunk" + (builder.repeatedChunks == 1 ? " was" : "s were")
                        + " in more than one file (overlapping dumps) and counted once.");
            }
            control.progress(0);
            return finish(builder, reported);
        } finally {
            for (Part p : parts) {
                if (p.expanded() != null) {
                    Decompressor.release(p.expanded());
                }
            }
        }
    }

    /** The file as a part of a folder, or null (with the reason in {@code skipped}) when it is no recording. */
    private Part part(Path file, List<String> skipped) throws IOException {
        String name = String.valueOf(file.getFileName());
        Decompressor.Expanded expanded = null;
        Path plain = file;
        try {
            byte[] head = readHead(file, 4);
            if (Decompressor.isGzip(head) || Decompressor.isZip(head)) {
                expanded = Decompressor.expand(file, Decompressor.isZip(head), options.maxDecompressedBytes());
                plain = expanded.file();
            }
            try (FileChannel channel = FileChannel.open(plain, StandardOpenOption.READ)) {
                long size = channel.size();
                ChunkHeader first = header(channel, 0, size);
                if (first == null || !first.readableFormat()) {
                    skipped.add(name + (first == null ? " is not a JFR recording" : " uses JFR format " + first.major
                            + "." + first.minor + ", which Firesight does not read") + "; it was skipped.");
                    release(expanded);
                    return null;
                }
                return new Part(file, plain, expanded, first.startNanos, span(channel, size), size);
            }
        } catch (RecordingException e) {
            skipped.add(e.getMessage().endsWith(".") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                    + "; it was skipped." : e.getMessage());
            release(expanded);
            return null;
        }
    }

    private static void release(Decompressor.Expanded expanded) throws IOException {
        if (expanded != null) {
            Decompressor.release(expanded);
        }
    }

    /** The recordings in a folder and its subfolders (a JFR repository nests one level), by name. */
    static List<Path> recordingFiles(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(folder, 3)) {
            return walk.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return !n.startsWith(".") && (n.endsWith(".jfr") || n.endsWith(".jfr.gz") || n.endsWith(".zip"));
            }).sorted().toList();
        }
    }

    /**
     * Reads every chunk of one plain file into {@code builder}. {@code seen} holds the chunks already read
     * (by start and size), so a chunk that several files hold, as overlapping dumps do, counts once.
     */
    private void readChunks(FileChannel channel, long fileSize, ProfileBuilder builder, LoadControl control,
                            Set<String> seen) throws IOException {
        ChunkHeader previous = null;
        long offset = 0;
        int index = 0;
        while (offset < fileSize) {
            control.checkCancelled();
            ChunkHeader header = header(channel, offset, fileSize);
            if (header == null) {
                long next = nextHeader(channel, offset + 1, fileSize, control, previous);
                if (next < 0) {
                    builder.warn(Warning.Kind.NOT_A_CHUNK, 0, offset, describeTrailing(channel, offset, fileSize, index));
                    break;
                }
                builder.warn(Warning.Kind.NOT_A_CHUNK, 0, offset, "The " + (next - offset) + " bytes after chunk " + index + " are not a JFR chunk"
                        + " and were skipped; reading resumed at the next chunk.");
                offset = next;
                continue;
            }
            long next = header.complete && endsAtChunkOrFileEnd(channel, header, fileSize) ? -1
                    : nextHeader(channel, offset + ChunkHeader.SIZE,
                            header.complete ? offset + header.declaredSize : fileSize, control, header);
            if (next >= 0) {
                // The declared size is wrong (0 while recording, damaged, or the chunk was cut short
                // with more chunks after it): the chunk ends where the next one starts.
                builder.warn(Warning.Kind.SIZE_MISMATCH, index + 1, offset, "Chunk " + (index + 1) + (header.declaredSize == 0
                        ? " declares size 0 (it was never finished)" : " declares " + header.declaredSize
                        + " bytes but the next chunk starts after " + (next - offset))
                        + "; it was read up to the next chunk.");
                header = new ChunkHeader(offset, headerBytes(channel, offset), next - offset);
            }
            previous = header;
            if (!header.readableFormat()) {
                builder.warn(Warning.Kind.UNSUPPORTED_FORMAT, index + 1, offset, "Chunk " + (index + 1) + " uses JFR format " + header.major + "." + header.minor
                        + ", which Firesight does not read; it was skipped.");
            } else if (!seen.add(header.startNanos + ":" + header.startTicks + ":" + header.declaredSize)) {
                if (!builder.severalFiles) {
                    builder.warn(Warning.Kind.REPEATED_CHUNK, index + 1, offset, "Chunk " + (index + 1) + " repeats an earlier chunk and was skipped.");
                } else {
                    builder.repeatedChunks++; // overlapping dumps in a folder: expected, not damage
                }
            } else {
                previousResolver = readChunk(channel, header, builder, control, index,
                        sameRecording(lastRead, header) ? previousResolver : null);
                // Between chunks every sample read so far is resolved; after the file's last one the complete
                // profile follows at once.
                if (header.fileOffset + header.available < fileSize && control.partialWanted()) {
                    control.partial(builder.partial(builder.resolvedRows(null), List.of(), builder.endNanos));
                }
                if (header.generation != 0) {
                    builder.warn(Warning.Kind.STILL_BEING_WRITTEN, index + 1, -1, "Chunk " + (index + 1) + " was still being written when this file was copied"
                            + " (the recording was running); what JFR wrote after that moment is not in it.");
                }
            }
            if (next >= 0) {
                offset = next;
                index++;
                continue;
            }
            if (!header.complete) {
                if (header.declaredSize == 0) {
                    builder.warn(Warning.Kind.IN_PROGRESS, index + 1, -1, "Chunk " + (index + 1) + " declares size 0 (a recording still in progress);"
                            + " it was read to the end of the file.");
                } else {
                    builder.warn(Warning.Kind.INCOMPLETE_CHUNK, index + 1, offset + header.available, "Chunk " + (index + 1) + " is incomplete: it declares " + header.declaredSize
                            + " bytes but only " + header.available + " are in the file.");
                }
                break;
            }
            offset += header.declaredSize;
            index++;
        }
    }

    /** Reads one chunk; returns its stack resolver for the next chunk, or null. */
    private StackResolver readChunk(FileChannel channel, ChunkHeader header, ProfileBuilder builder,
                                    LoadControl control, int index, StackResolver previous) throws IOException {
        long length = header.available;
        if (length > MAX_CHUNK_MAPPING) {
            builder.warn(Warning.Kind.CHUNK_TOO_LARGE, index + 1, header.fileOffset + MAX_CHUNK_MAPPING, "Chunk " + (index + 1) + " is larger than 2 GiB; only its first 2 GiB were read.");
            length = MAX_CHUNK_MAPPING;
        }
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, header.fileOffset, length);
        map.order(ByteOrder.BIG_ENDIAN);
        Metadata neighbour = sameRecording(lastRead, header) ? lastMetadata : null;
        lastRead = header;
        lastMetadata = null;
        try {
            ChunkParser parser = new ChunkParser(map, header, builder, control, index, previous, neighbour,
                    concurrent);
            parser.parse();
            lastMetadata = parser.metadata();
            builder.chunks++;
            builder.startNanos = Math.min(builder.startNanos, header.startNanos);
            long end = header.durationNanos > 0 ? header.startNanos + header.durationNanos : header.startNanos;
            builder.endNanos = Math.max(builder.endNanos, end);
            builder.covered(header.startNanos, header.durationNanos > 0 ? end : Long.MAX_VALUE);
            return parser.resolver();
        } catch (CancellationException | MemoryBudgetExceeded | ConcurrentStacks.Mismatch e) {
            throw e;
        } catch (RuntimeException e) {
            // Any other failure in one chunk must not lose the others.
            builder.warn(Warning.Kind.UNREADABLE_CHUNK, index + 1, header.fileOffset, "Chunk " + (index + 1) + " could not be read (" + e.getClass().getSimpleName() + ")"
                    + " and was skipped.");
            return null;
        }
    }

    /**
     * True when {@code next} continues the recording of {@code chunk}: it starts where that one ended (to
     * within a second) with the same clock. Chunks of one JVM run share their event type ids, so one's
     * metadata can stand in for the other's when that is damaged.
     */
    private static boolean sameRecording(ChunkHeader chunk, ChunkHeader next) {
        return chunk != null && chunk.durationNanos > 0 && chunk.ticksPerSecond == next.ticksPerSecond
                && Math.abs(next.startNanos - (chunk.startNanos + chunk.durationNanos)) <= 1_000_000_000L;
    }

    /** The header at {@code offset}, or null when the bytes there are not a chunk header. */
    static ChunkHeader header(FileChannel channel, long offset, long fileSize) throws IOException {
        if (fileSize - offset < ChunkHeader.SIZE) {
            return null;
        }
        ByteBuffer buf = headerBytes(channel, offset);
        if (buf == null || buf.getInt(0) != ChunkHeader.MAGIC) {
            return null;
        }
        return new ChunkHeader(offset, buf, fileSize - offset);
    }

    private static ByteBuffer headerBytes(FileChannel channel, long offset) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(ChunkHeader.SIZE);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                return null;
            }
        }
        return buf;
    }

    /** True when the chunk's declared end is the end of the file or the start of another chunk header. */
    private static boolean endsAtChunkOrFileEnd(FileChannel channel, ChunkHeader header, long fileSize)
            throws IOException {
        long end = header.fileOffset + header.declaredSize;
        return end == fileSize || plausibleHeader(header(channel, end, fileSize));
    }

    private static boolean plausibleHeader(ChunkHeader h) {
        return h != null && (h.major == 2 || h.major == 1 && h.minor == 0)
                && (h.declaredSize == 0 || h.declaredSize >= ChunkHeader.SIZE);
    }

    /**
     * The offset of the first plausible chunk header (magic, format 1.0 or 2, a possible size) in
     * {@code [from, to)}, or -1. Only used when the chunk sizes do not add up, so valid files never pay
     * for the scan. A copy of the current chunk's own header (the JDK embeds one in its flushes, as a
     * byte array) is not a next chunk: a next chunk starts at another time.
     *
     * <p>The first {@value #LINEAR_SCAN_MB} MB are searched byte by byte. Past them, a run of zeros (a
     * sparse or zero-filled region) is crossed in steps that double, and its end found by bisection, so the
     * time to an answer grows with the logarithm of the empty space, not with its size. The price: data
     * wholly inside a long run of zeros (between two probes) can be passed over; the reader then says the
     * bytes were zeros.
     */
    private static long nextHeader(FileChannel channel, long from, long to, LoadControl control,
                                   ChunkHeader current) throws IOException {
        long fileSize = channel.size();
        to = Math.min(to, fileSize - ChunkHeader.SIZE + 1);
        ByteBuffer block = ByteBuffer.allocate(1 << 20);
        long linearUntil = from + LINEAR_SCAN;
        for (long base = from; base < to; ) {
            control.checkCancelled();
            if (base >= linearUntil && zeros(channel, base, block)) {
                base = endOfZeros(channel, base, to, block, control);
                linearUntil = base + LINEAR_SCAN;
                continue;
            }
            int n = fill(channel, base, block, (int) Math.min(block.capacity(), fileSize - base));
            for (int i = 0; i + 3 < n && base + i < to; i++) {
                if (block.get(i) == 'F' && block.get(i + 1) == 'L' && block.get(i + 2) == 'R' && block.get(i + 3) == 0
                        && plausibleHeader(header(channel, base + i, fileSize))) {
                    ChunkHeader candidate = header(channel, base + i, fileSize);
                    if (current == null || candidate.startNanos != current.startNanos
                            || candidate.startTicks != current.startTicks) {
                        return base + i;
                    }
                }
            }
            if (n < 4) {
                break;
            }
            base += n - 3;
        }
        return -1;
    }

    private static final int LINEAR_SCAN_MB = 64;
    private static final long LINEAR_SCAN = (long) LINEAR_SCAN_MB << 20;
    /** The bytes looked at by one probe of a zero run: a page. */
    private static final int PROBE = 4096;

    /**
     * Given a zero probe at {@code zero}, a position at most one probe before the end of that run of zeros
     * (where a search byte by byte resumes), or {@code to} when the probes find only zeros up to there.
     */
    private static long endOfZeros(FileChannel channel, long zero, long to, ByteBuffer block, LoadControl control)
            throws IOException {
        long lo = zero;
        long step = PROBE;
        long hi;
        while (true) {
            control.checkCancelled();
            hi = lo + step;
            if (hi >= to) {
                hi = Math.max(lo, to - PROBE);
                if (hi == lo || zeros(channel, hi, block)) {
                    return to;
                }
                break;
            }
            if (!zeros(channel, hi, block)) {
                break;
            }
            lo = hi;
            step *= 2;
        }
        // lo is zeros, hi is not: halve the distance until they are a probe apart.
        while (hi - lo > PROBE) {
            control.checkCancelled();
            long mid = lo + (hi - lo) / 2;
            if (zeros(channel, mid, block)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** True when the probe's bytes at {@code at} (or up to the end of the file) are all zero. */
    private static boolean zeros(FileChannel channel, long at, ByteBuffer block) throws IOException {
        int n = fill(channel, at, block, (int) Math.min(PROBE, channel.size() - at));
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            if (block.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < n; i++) {
            if (block.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads up to {@code length} bytes at {@code at} into the start of {@code block}; returns how many. */
    private static int fill(FileChannel channel, long at, ByteBuffer block, int length) throws IOException {
        block.clear();
        block.limit(Math.max(0, length));
        while (block.hasRemaining() && channel.read(block, at + block.position()) >= 0) {
            // fill the block
        }
        return block.position();
    }

    private static boolean headerBytesStartWithMagic(FileChannel channel) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(4);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) >= 0) {
            // read the first 4 bytes
        }
        return magic.getInt(0) == ChunkHeader.MAGIC;
    }

    private void checkVersion(ChunkHeader first) throws RecordingException {
        if (first.major != 2 && !(first.major == 1 && first.minor == 0)) {
            throw new RecordingException(name() + " uses JFR format " + first.major + "." + first.minor
                    + (first.major == 0 ? " (JDK 7 and 8 before 8u262, or JRockit)" : "")
                    + "; Firesight reads formats 1.0 and 2 (JDK 9 and later, the JDK 8 backport, and"
                    + " async-profiler 2 and later). JDK Mission Control reads the older format.");
        }
        if (!first.compressedIntegers()) {
            throw new RecordingException(name() + " uses uncompressed integers, which Firesight does not read.");
        }
    }

    private static String describeTrailing(FileChannel channel, long offset, long fileSize, int index)
            throws IOException {
        long left = fileSize - offset;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(left, 4096));
        channel.read(buf, offset);
        boolean zeros = true;
        for (int i = 0; i < buf.position(); i++) {
            zeros &= buf.get(i) == 0;
        }
        return "The " + left + " bytes after chunk " + index + " are " + (zeros ? "zeros" : "not a JFR chunk")
                + " and were ignored.";
    }

    /**
     * Chooses the unit of the sample tables' int time columns: microseconds unless the recording spans
     * more than about half an hour, coarser then. An unfinished chunk's span is unknown, so it gets
     * milliseconds, which still cover weeks.
     */
    /**
     * The recording's span {first start, last end} in epoch nanoseconds from its chunk headers, or null when
     * a chunk is unfinished (its duration is not written yet) or there is no header.
     */
    private static long[] span(FileChannel channel, long fileSize) throws IOException {
        long offset = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        while (offset < fileSize) {
            ChunkHeader h = header(channel, offset, fileSize);
            if (h == null) {
                break;
            }
            if (!h.complete || h.durationNanos <= 0) {
                return null;
            }
            first = Math.min(first, h.startNanos);
            last = Math.max(last, h.startNanos + h.durationNanos);
            offset += h.declaredSize;
        }
        return last > first ? new long[] {first, last} : null;
    }

    /** The span in the sample tables' time units, 0 when not known. */
    private static long spanUnits(long[] span) {
        return span == null ? 0 : (span[1] - span[0]) / timeUnit(span);
    }

    /** The sample tables' time unit: as fine as keeps the span within an int's range. */
    private static long timeUnit(long[] span) {
        if (span == null) {
            return 1_000_000;
        }
        long unit = 1000;
        while ((span[1] - span[0]) / unit > (1L << 30)) {
            unit *= 10;
        }
        return unit;
    }

    /** Applies the options that keep less detail, and says in the profile's notes what was left out. */
    private void limitDetail(ProfileBuilder builder, long[] span) {
        builder.maxStackDepth = options.maxStackDepth();
        builder.wanted = options.views();
        if (options.partOfTime()) {
            if (span == null) {
                builder.note("The recording's span is not known (its last chunk is unfinished), so all of its time"
                        + " was loaded rather than the part asked for.");
            } else {
                long length = span[1] - span[0];
                long[] kept = options.timeWindow().resolve(span[0], span[1]);
                boolean all = kept[0] <= span[0] && kept[1] >= span[1]; // the part asked for is all of it
                builder.sampleFrom = all ? Long.MIN_VALUE : kept[0];
                builder.sampleTo = all ? Long.MAX_VALUE : kept[1];
                if (!all && (kept[0] > span[1] || kept[1] < span[0] || kept[0] > kept[1])) {
                    builder.note(String.format(java.util.Locale.ROOT, "The part asked for lies outside the recording,"
                            + " which ran from %s to %s (%.1f s), so nothing of it was loaded; times count from its"
                            + " start (0 s).", java.time.Instant.ofEpochSecond(0, span[0]).truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS), java.time.Instant.ofEpochSecond(0, span[1])
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS), length / 1e9));
                } else if (!all) {
                    builder.note(String.format(java.util.Locale.ROOT, "Only the samples from %.1f s to %.1f s of the"
                            + " recording's %.1f s were loaded, as asked; reopen it to load all of it.",
                            (Math.max(kept[0], span[0]) - span[0]) / 1e9, (Math.min(kept[1], span[1]) - span[0]) / 1e9,
                            length / 1e9));
                }
            }
        }
        if (!options.views().containsAll(java.util.EnumSet.allOf(dev.firesight.parser.ViewKind.class))) {
            StringBuilder kept = new StringBuilder();
            for (dev.firesight.parser.ViewKind v : options.views()) {
                kept.append(kept.length() == 0 ? "" : ", ").append(v.title());
            }
            builder.note("Only these views were loaded, as asked: " + (kept.length() == 0 ? "none" : kept)
                    + "; reopen the recording to load the others.");
        }
    }

    static byte[] readHead(Path path, int n) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        }
    }
}
