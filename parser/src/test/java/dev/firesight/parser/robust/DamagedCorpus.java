package dev.firesight.parser.robust;

import dev.firesight.parser.testing.ChildJvm;
import dev.firesight.parser.testing.GzipBombs;
import dev.firesight.parser.testing.JfrSettings;
import dev.firesight.parser.testing.Jdks;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Damaged and hostile recordings made from real ones: each case is a file written under
 * {@code target/damaged/} and a sentence saying what was done to it. The sources are the fixture
 * recordings: JDK 17 JFR (one chunk), async-profiler (pools written last) and a multi-chunk JFR file.
 */
final class DamagedCorpus {
    /** One damaged file. {@code smallHeap} marks the cases that claim huge sizes: also run under -Xmx64m. */
    record Case(String name, String damage, Path file, boolean smallHeap) {
    }

    /** Copies of the async-profiler chunk in the many-chunks case. */
    static final int MANY_CHUNKS = 100;

    /** Cap used for the gzip bomb case. */
    static final long BOMB_CAP = 32L << 20;

    final byte[] jdk;
    final byte[] async;
    final byte[] multi;
    final JfrLayout jdkLayout;
    final JfrLayout asyncLayout;
    final JfrLayout multiLayout;
    final Path dir;
    private final Path jdkSource;
    final List<Case> cases = new ArrayList<>();

    private static DamagedCorpus instance;

    static synchronized DamagedCorpus get() {
        if (instance == null) {
            try {
                instance = new DamagedCorpus(TestRecordings.jdk17(), TestRecordings.asyncProfiler(),
                        TestRecordings.multiChunk(), TestRecordings.directory().resolveSibling("damaged"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    Case byName(String name) {
        return cases.stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name));
    }

    private DamagedCorpus(Path jdkFile, Path asyncFile, Path multiFile, Path dir) throws IOException {
        this.jdkSource = jdkFile;
        this.jdk = Files.readAllBytes(jdkFile);
        this.async = Files.readAllBytes(asyncFile);
        this.multi = Files.readAllBytes(multiFile);
        this.jdkLayout = new JfrLayout(jdk);
        this.asyncLayout = new JfrLayout(async);
        this.multiLayout = new JfrLayout(multi);
        this.dir = dir;
        Files.createDirectories(dir);
        build();
    }

    private void build() throws IOException {
        JfrLayout.Chunk jc = jdkLayout.chunks.get(0);
        JfrLayout.Chunk ac = asyncLayout.chunks.get(0);

        // --- Whole-file damage ---
        add("empty", "zero-length file", new byte[0]);
        add("cut-in-header", "JDK recording cut 30 bytes into its chunk header", cut(jdk, 30));
        add("header-only", "JDK recording cut right after its 68-byte chunk header", cut(jdk, JfrLayout.HEADER));
        add("random-bytes", "1 MB of seeded random bytes", random(1 << 20, 1));
        add("magic-then-random", "the JFR magic and version 2.0 followed by 64 KB of random bytes",
                concat(Arrays.copyOf(jdk, 8), random(65536, 2)));
        add("old-format", "JDK recording with its version patched to format 0.9 (JDK 7 and 8)",
                patchShort(patchShort(jdk, 4, 0), 6, 9));
        add("flipped-bytes", "JDK recording with 200 seeded random bytes flipped (header spared)",
                flip(jdk, 200, 3));

        int firstEvent = jc.dataEvents().get(0).pos();
        JfrLayout.Event lastCp = jc.ofType(1).get(jc.ofType(1).size() - 1);
        byte[] eventFlips = jdk.clone();
        Random flips = new Random(6);
        for (int i = 0; i < 50; i++) {
            eventFlips[firstEvent + flips.nextInt(lastCp.pos() - firstEvent)] ^= (byte) (1 + flips.nextInt(255));
        }
        add("flipped-event-bytes", "JDK recording with 50 seeded random bytes flipped between its first event"
                + " and its final constant pool", eventFlips);

        // --- Truncation ---
        add("cut-first-event", "JDK recording cut 10 bytes after its first event starts", cut(jdk, firstEvent + 10));
        add("cut-half", "JDK recording cut at half its size (inside event data)", cut(jdk, jdk.length / 2));
        add("cut-final-pool", "JDK recording cut in the middle of its final constant-pool event",
                cut(jdk, lastCp.pos() + lastCp.size() / 2));
        add("cut-last-byte", "JDK recording missing only its last byte", cut(jdk, jdk.length - 1));
        JfrLayout.Meta am = asyncLayout.metadata(ac);
        JfrLayout.Event asyncCp = ac.ofType(1).get(ac.ofType(1).size() - 1);
        JfrLayout.Pool stacks = am.pools(asyncCp).stream()
                .filter(p -> p.typeName().equals("jdk.types.StackTrace")).findFirst().orElseThrow();
        add("ap-cut-stack-pool", "async-profiler recording cut in the middle of its stack-trace pool (written"
                + " last, after every event)", cut(async, (stacks.start() + stacks.end()) / 2));
        add("ap-cut-events", "async-profiler recording cut at 40% (inside event data)", cut(async, async.length * 2 / 5));

        // --- Chunk header sizes and offsets ---
        add("size-beyond-file", "JDK chunk header declaring 1 MB more than the file holds",
                patchLong(jdk, 8, jdk.length + (1L << 20)));
        addSmall("size-3GiB", "JDK chunk header declaring a 3 GiB chunk", patchLong(jdk, 8, 3L << 30));
        addSmall("size-max-long", "JDK chunk header declaring size Long.MAX_VALUE", patchLong(jdk, 8, Long.MAX_VALUE));
        Path sparse = dir.resolve("size-3GiB-sparse.jfr");
        Files.deleteIfExists(sparse);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            raf.write(patchLong(jdk, 8, 3L << 30));
            raf.setLength(3L << 30); // a sparse hole of zeros: the chunk really is 3 GiB
        }
        cases.add(new Case("size-3GiB-sparse", "JDK recording extended with zeros (a sparse file) to a real"
                + " 3 GiB chunk, as its header declares", sparse, true));
        add("size-negative", "JDK chunk header declaring a negative size", patchLong(jdk, 8, -1));
        add("offsets-bogus", "JDK chunk header with metadata and pool offsets pointing past the file",
                patchLong(patchLong(jdk, 16, jdk.length * 3L), 24, -5));
        JfrLayout.Chunk m1 = multiLayout.chunks.get(0);
        add("size-zero-then-chunks", "multi-chunk recording whose first chunk declares size 0 (followed by "
                + (multiLayout.chunks.size() - 1) + " good chunks)", patchLong(multi, m1.offset() + 8, 0));
        addSmall("size-huge-then-chunks", "multi-chunk recording whose first chunk declares 3 GiB",
                patchLong(multi, m1.offset() + 8, 3L << 30));

        // --- Hostile counts and lengths ---
        JfrLayout.Meta jm = jdkLayout.metadata(jc);
        JfrLayout.Pool jdkFirstPool = jm.pools(lastCp).get(0);
        addSmall("pool-count-huge", "JDK recording whose final constant pool declares 2^31-1 entries",
                overwrite(jdk, jdkFirstPool.countPos(), JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        JfrLayout.MetaString longest = jm.strings.stream()
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
        addSmall("string-length-huge", "JDK recording with a metadata string claiming 2^31-1 bytes",
                overwrite(jdk, longest.lengthPos(), JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        JfrLayout.Pool symbols = am.pools(asyncCp).stream()
                .filter(p -> p.typeName().equals("jdk.types.Symbol")).findFirst().orElseThrow();
        int[] at = {symbols.start()};
        asyncLayout.varlong(at); // the first symbol's id; then its string: encoding byte, length varint
        addSmall("pool-string-length-huge", "async-profiler recording whose first symbol (method or class name)"
                + " claims 2^31-1 bytes", overwrite(async, at[0] + 1, JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        int depthPos = am.frameCountPositions(stacks).get(0);
        addSmall("stack-depth-huge", "async-profiler recording whose first stack trace claims 2^31-1 frames",
                overwrite(async, depthPos, JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        JfrLayout.Event event = jc.dataEvents().get(jc.dataEvents().size() / 2);
        addSmall("event-size-huge", "JDK recording with one event in the middle claiming 2^31-1 bytes",
                overwrite(jdk, event.pos(), JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        // The same claims inside a chunk that really is 3 GiB (a sparse file of zeros after the data), so a
        // count checked only against the bytes left is not bounded by the small size of the recording.
        sparse("pool-count-huge-sparse", "pool-count-huge, in a chunk extended with zeros to a real 3 GiB",
                overwrite(jdk, jdkFirstPool.countPos(), JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        sparse("stack-depth-huge-sparse", "stack-depth-huge, in a chunk extended with zeros to a real 3 GiB",
                overwrite(async, depthPos, JfrLayout.paddedVarint(Integer.MAX_VALUE, 5)));
        sparse("string-count-huge-sparse", "a JDK recording whose metadata claims 2^30 strings, in a chunk"
                + " extended with zeros to a real 3 GiB", overwrite(jdk, jm.stringCountPos,
                JfrLayout.paddedVarint(1 << 30, 5)));
        // Found by the long fuzz run: a metadata event whose size claims most of a 3 GiB chunk lets a string
        // count pass the bytes-left check, and a reader that sizes an array by it asks for gigabytes.
        JfrLayout.Event metaEvent = jc.ofType(0).get(jc.ofType(0).size() - 1);
        int sizeWidth = varintWidth(jdk, metaEvent.pos());
        byte[] bigMeta = overwrite(jdk, metaEvent.pos(),
                JfrLayout.paddedVarint(Math.min((1L << (7 * sizeWidth)) - 1, 1L << 30), sizeWidth));
        sparse("metadata-size-huge-sparse", "a JDK recording whose metadata event claims " + (1 << (7 * Math.min(
                sizeWidth, 4))) / (1 << 20) + "+ MB and 2^27 strings, in a chunk extended with zeros to a real 3 GiB",
                overwrite(bigMeta, jm.stringCountPos, JfrLayout.paddedVarint(1 << 27, 5)));
        sparse("stack-depth-2e9-sparse", "async-profiler recording whose first stack trace claims 2^30 frames,"
                + " in a chunk extended with zeros to a real 3 GiB",
                overwrite(async, depthPos, JfrLayout.paddedVarint(1 << 30, 5)));
        byte[] deep = deepMetadataChunk(jdk, 200_000);
        addSmall("metadata-deep-alone", "a chunk whose metadata nests 200000 elements deep", deep);
        addSmall("metadata-deep-second", "JDK recording followed by a chunk whose metadata nests 200000 deep",
                concat(jdk, deep));

        // --- Multi-chunk damage ---
        JfrLayout.Chunk m2 = multiLayout.chunks.get(1);
        add("second-chunk-garbage", "multi-chunk recording with 4 KB of chunk 2's event data overwritten by"
                + " random bytes", overwriteRun(multi, dataRun(m2, 4096)));
        byte[] noMeta = multi.clone();
        for (JfrLayout.Event e : m2.ofType(0)) {
            noMeta[multiLayout.typePos(e)] = 99; // the metadata event's type byte
        }
        putLong(noMeta, m2.offset() + 24, 0);
        add("second-chunk-no-metadata", "multi-chunk recording whose chunk 2 has its metadata events retyped"
                + " and its metadata offset cleared", noMeta);
        JfrLayout.Chunk mLast = multiLayout.chunks.get(multiLayout.chunks.size() - 1);
        byte[] inProgress = cut(multi, mLast.offset() + mLast.size() / 2);
        putLong(inProgress, mLast.offset() + 8, 0);
        putLong(inProgress, mLast.offset() + 16, 0);
        putLong(inProgress, mLast.offset() + 24, 0);
        add("last-chunk-in-progress", "multi-chunk recording whose last chunk is half written with size and"
                + " offsets 0, as JFR leaves it while recording", inProgress);
        byte[] twoChunks = cut(multi, m2.offset() + m2.size() / 2);
        putLong(twoChunks, m2.offset() + 8, 0);
        putLong(twoChunks, m2.offset() + 16, 0);
        putLong(twoChunks, m2.offset() + 24, 0);
        add("second-chunk-in-progress", "the first two chunks of the multi-chunk recording, the second half"
                + " written with size and offsets 0", twoChunks);
        add("second-chunk-duplicated", "multi-chunk recording with chunk 2 written twice",
                concat(Arrays.copyOf(multi, m2.end()), Arrays.copyOfRange(multi, m2.offset(), multi.length)));
        add("second-chunk-cut-mid-file", "multi-chunk recording with chunk 2's second half removed (later"
                + " chunks follow the cut)", concat(Arrays.copyOf(multi, m2.offset() + m2.size() / 2),
                Arrays.copyOfRange(multi, m2.end(), multi.length)));

        Path live = dir.resolve("live-jdk-chunk.jfr");
        if (!Files.isRegularFile(live) || Files.size(live) == 0
                || Files.getLastModifiedTime(live).compareTo(Files.getLastModifiedTime(jdkSource)) < 0) {
            captureLiveChunk(live);
        }
        cases.add(new Case("live-jdk-chunk", "a chunk copied out of JFR's disk repository while the JDK 17 JVM was"
                + " still recording into it (real, not simulated)", live, false));

        java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < MANY_CHUNKS; i++) {
            byte[] copy = async.clone();
            putLong(copy, 32, ByteBuffer.wrap(async).getLong(32) + i); // distinct start: not a duplicate
            many.writeBytes(copy);
        }
        addSmall("many-chunks", "the async-profiler recording's chunk " + MANY_CHUNKS + " times over (start times"
                + " made distinct), " + (many.size() >> 20) + " MB", many.toByteArray());

        // --- Trailing bytes ---
        add("trailing-garbage", "JDK recording followed by 10 KB of random bytes", concat(jdk, random(10240, 5)));
        add("trailing-zeros", "JDK recording followed by 64 KB of zeros", concat(jdk, new byte[65536]));
        add("trailing-partial-header", "JDK recording followed by the first 40 bytes of another chunk header",
                concat(jdk, Arrays.copyOf(jdk, 40)));

        // --- Compressed ---
        add("gzip", "JDK recording compressed with gzip", gzip(jdk), ".jfr.gz");
        add("zip", "JDK recording in a zip archive", zip("recording.jfr", jdk), ".zip");
        add("zip-without-jfr", "zip archive holding only a text file", zip("readme.txt", "hello".getBytes()), ".zip");
        byte[] gz = gzip(jdk);
        add("gzip-cut", "gzip-compressed JDK recording cut at 60% of its compressed size",
                cut(gz, gz.length * 3 / 5), ".jfr.gz");
        Path bomb = dir.resolve("gzip-bomb.jfr.gz");
        if (!Files.isRegularFile(bomb)
                || Files.getLastModifiedTime(bomb).compareTo(Files.getLastModifiedTime(jdkSource)) < 0) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
                out.write(jdk);
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 512; i++) {
                    out.write(zeros);
                }
            }
        }
        Path zipBomb = dir.resolve("zip-bomb.zip");
        if (!Files.isRegularFile(zipBomb)
                || Files.getLastModifiedTime(zipBomb).compareTo(Files.getLastModifiedTime(jdkSource)) < 0) {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zipBomb))) {
                out.putNextEntry(new ZipEntry("recording.jfr"));
                out.write(jdk);
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 512; i++) {
                    out.write(zeros);
                }
                out.closeEntry();
            }
        }
        cases.add(new Case("zip-bomb", "zip entry holding the JDK recording followed by 512 MB of zeros, opened"
                + " with a " + (BOMB_CAP >> 20) + " MB decompression cap", zipBomb, true));
        Path zeroBomb = dir.resolve("gzip-zero-bomb.jfr.gz");
        if (!Files.isRegularFile(zeroBomb)) {
            GzipBombs.write(zeroBomb, new byte[0], 160);
        }
        cases.add(new Case("gzip-zero-bomb", "10 MB gzip of 10 GB of zeros (160 gzip members of 64 MB each), no"
                + " JFR at all", zeroBomb, true));
        add("gzip-empty", "gzip of an empty file", gzip(new byte[0]), ".jfr.gz");
        add("gzip-random", "gzip of 256 KB of random bytes", gzip(random(262144, 7)), ".jfr.gz");
        cases.add(new Case("gzip-bomb", "gzip of the JDK recording followed by 512 MB of zeros, opened with a "
                + (BOMB_CAP >> 20) + " MB decompression cap", bomb, true));
    }

    // --- generators ---

    /** Writes {@code bytes} with the chunk size set to 3 GiB and the file extended (sparse) to match. */
    private void sparse(String name, String damage, byte[] bytes) throws IOException {
        Path file = dir.resolve(name + ".jfr");
        Files.deleteIfExists(file);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.write(patchLong(bytes, 8, 3L << 30));
            raf.setLength(3L << 30);
        }
        cases.add(new Case(name, damage, file, true));
    }

    /**
     * Runs the workload under JFR with a disk repository and copies the chunk file JFR is writing, 2.5 s
     * in: the state a file is in when a user opens a recording that is still running.
     */
    private static void captureLiveChunk(Path out) throws IOException {
        Path home = Jdks.home(17).orElseThrow();
        Path repo = out.resolveSibling("live-repository");
        if (Files.isDirectory(repo)) {
            try (Stream<Path> files = Files.walk(repo)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(repo);
        Path settings = JfrSettings.write(home, out.resolveSibling("live.jfc"));
        Process process = new ProcessBuilder(Jdks.javaExecutable(home).toString(),
                "-XX:StartFlightRecording:settings=" + settings,
                "-XX:FlightRecorderOptions:repository=" + repo,
                "-cp", ChildJvm.testClassPath().toString(), Workload.class.getName(), "60000")
                .redirectErrorStream(true).redirectOutput(out.resolveSibling("live.log").toFile()).start();
        try {
            // Wait for JFR to have flushed a good part of the chunk (a loaded machine is slow to start the
            // JVM, so no fixed delay will do), then copy it while the JVM still writes into it. At 96 KB a
            // machine at load 9 had flushed mostly start-up events and 42 CPU samples; 320 KB is about a
            // second of the workload's events past start-up.
            Path chunk = null;
            for (long deadline = System.nanoTime() + 90_000_000_000L; System.nanoTime() < deadline; ) {
                Thread.sleep(250);
                try (Stream<Path> files = Files.walk(repo)) {
                    chunk = files.filter(f -> f.toString().endsWith(".jfr")).max(Comparator.naturalOrder())
                            .orElse(null);
                }
                if (chunk != null && Files.size(chunk) >= 320 * 1024 || !process.isAlive()) {
                    break;
                }
            }
            if (chunk == null || Files.size(chunk) == 0) {
                throw new IOException("JFR wrote no chunk into " + repo + " (see live.log)");
            }
            Path partial = out.resolveSibling("partial-" + out.getFileName());
            Files.copy(chunk, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** A chunk: the JDK recording's header, then a metadata event whose element tree is a chain this deep. */
    static byte[] deepMetadataChunk(byte[] source, int depth) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        writeVarint(body, 0); // type: metadata
        writeVarint(body, 0); // start
        writeVarint(body, 0); // duration
        writeVarint(body, 0); // id
        writeVarint(body, 1); // one string
        body.write(3);
        writeVarint(body, 4);
        body.writeBytes("root".getBytes());
        for (int i = 0; i < depth; i++) {
            writeVarint(body, 0); // name: "root"
            writeVarint(body, 0); // no attributes
            writeVarint(body, i < depth - 1 ? 1 : 0); // one child
        }
        byte[] payload = body.toByteArray();
        byte[] size = JfrLayout.paddedVarint(payload.length + 5, 5);
        byte[] chunk = new byte[JfrLayout.HEADER + 5 + payload.length];
        System.arraycopy(source, 0, chunk, 0, JfrLayout.HEADER);
        System.arraycopy(size, 0, chunk, JfrLayout.HEADER, 5);
        System.arraycopy(payload, 0, chunk, JfrLayout.HEADER + 5, payload.length);
        putLong(chunk, 8, chunk.length);
        putLong(chunk, 16, 0);
        putLong(chunk, 24, JfrLayout.HEADER);
        putLong(chunk, 32, ByteBuffer.wrap(source).getLong(32) + 1); // distinct start, not a duplicate
        return chunk;
    }

    private static void writeVarint(java.io.ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    static byte[] cut(byte[] b, int length) {
        return Arrays.copyOf(b, length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] flip(byte[] src, int count, long seed) {
        byte[] b = src.clone();
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            int at = JfrLayout.HEADER + r.nextInt(b.length - JfrLayout.HEADER);
            b[at] ^= (byte) (1 + r.nextInt(255));
        }
        return b;
    }

    static byte[] patchLong(byte[] src, int at, long value) {
        byte[] b = src.clone();
        putLong(b, at, value);
        return b;
    }

    static byte[] patchShort(byte[] src, int at, int value) {
        byte[] b = src.clone();
        ByteBuffer.wrap(b).putShort(at, (short) value);
        return b;
    }

    static void putLong(byte[] b, int at, long value) {
        ByteBuffer.wrap(b).putLong(at, value);
    }

    /** How many bytes the varint at {@code at} takes. */
    static int varintWidth(byte[] b, int at) {
        int n = 1;
        while (n < 9 && b[at + n - 1] < 0) {
            n++;
        }
        return n;
    }

    static byte[] overwrite(byte[] src, int at, byte[] with) {
        byte[] b = src.clone();
        System.arraycopy(with, 0, b, at, with.length);
        return b;
    }

    static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] zip(String entry, byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(data);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private void add(String name, String damage, byte[] bytes) throws IOException {
        add(name, damage, bytes, ".jfr", false);
    }

    private void addSmall(String name, String damage, byte[] bytes) throws IOException {
        add(name, damage, bytes, ".jfr", true);
    }

    private void add(String name, String damage, byte[] bytes, String extension) throws IOException {
        add(name, damage, bytes, extension, false);
    }

    private void add(String name, String damage, byte[] bytes, String extension, boolean small) throws IOException {
        Path file = dir.resolve(name + extension);
        Files.write(file, bytes);
        cases.add(new Case(name, damage, file, small));
    }

    /**
     * Random bytes over a run of event data that {@link #dataRun} found, the first event's size among them made
     * one that runs past the chunk. JFR has no checksums: a random size that happens to skip onto a real event
     * boundary (about one run in thirty, when events average 35 bytes) and a type nobody reads is damage no
     * reader can see, and a fresh recording per run made this case pass or fail by chance.
     */
    private static byte[] overwriteRun(byte[] bytes, int[] run) {
        byte[] garbage = random(run[1], 4);
        byte[] pastTheChunk = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        System.arraycopy(pastTheChunk, 0, garbage, 0, Math.min(pastTheChunk.length, garbage.length));
        return overwrite(bytes, run[0], garbage);
    }

    /**
     * Where to overwrite {@code length} bytes of a chunk's event data: the damage must hit event data, not the
     * metadata or a constant pool the JDK flushes in between (random bytes over pool entries nobody refers to
     * damage nothing). The first run of that many bytes of plain events from a third into the chunk, else from
     * its start, else its longest run, shortened to fit: fresh recordings place their pools differently.
     * Returns {start, length}.
     */
    private static int[] dataRun(JfrLayout.Chunk chunk, int length) {
        int[] best = {chunk.offset() + chunk.size() / 3, 0};
        for (int from : new int[] {chunk.offset() + chunk.size() / 3, chunk.offset()}) {
            int runStart = -1;
            for (JfrLayout.Event e : chunk.events()) {
                if (e.pos() < from || e.type() <= 1) {
                    runStart = -1;
                    continue;
                }
                if (runStart < 0) {
                    runStart = e.pos();
                }
                if (e.end() - runStart >= length) {
                    return new int[] {runStart, length};
                }
                if (e.end() - runStart > best[1]) {
                    best = new int[] {runStart, e.end() - runStart};
                }
            }
        }
        return best;
    }
}
