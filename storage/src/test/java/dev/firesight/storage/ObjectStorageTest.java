package dev.firesight.storage;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.firesight.parser.testing.StackAssertions.assertSameStacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prefix in a bucket of a real S3-API server (s3proxy on 127.0.0.1, SigV4) opens as one recording, equal to
 * the same files opened as a local folder: two JVMs' recordings and an overlapping dump, uploaded under one
 * prefix with a file that is no recording.
 */
class ObjectStorageTest {
    private static final String BUCKET = "fleet";
    private static final String PREFIX = "checkout/";
    private static final List<ViewKind> VIEWS = List.of(ViewKind.CPU, ViewKind.ALLOC, ViewKind.LOCK);

    @TempDir
    static Path temp;
    private static S3Server server;
    private static Path local;
    /** The uploaded recordings: key to local file. */
    private static final Map<String, Path> uploaded = new HashMap<>();

    @BeforeAll
    static void upload() throws Exception {
        local = TestRecordings.twoJvms();
        server = new S3Server(temp.resolve("server"));
        server.createBucket(BUCKET);
        // keys in a layout of the team's choosing: pod folders named apart from the JVMs' own facts
        uploaded.putAll(server.putFolder(BUCKET, PREFIX, local, Map.of("jvm-a", "pod-7f9c", "jvm-b", "pod-2d4e")));
        server.put(BUCKET, PREFIX + "README.txt", "dumps of the checkout service\n".getBytes(StandardCharsets.UTF_8));
        server.put(BUCKET, "other-service/only.jfr", local.resolve("overlap.jfr"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ObjectRecordings recordings(ObjectStore store, Path cache) throws StorageException {
        return new ObjectRecordings(store, new ObjectCache(cache, ObjectCache.DEFAULT_CAP), cache.resolveSibling("opened"));
    }

    private static final ObjectRecordings.Progress QUIET = (step, done, total) -> { };

    @Test
    void aPrefixIsTheSameRecordingAsTheLocalFolderAndASecondOpenHitsTheCache() throws Exception {
        Path cache = temp.resolve("cache-all/objects");
        try (ObjectStore store = ObjectStore.open(server.settings())) {
            ObjectRecordings s3 = recordings(store, cache);
            server.clearReads();
            ObjectRecordings.Listing listing = s3.list(S3Location.parse("s3://" + BUCKET + "/" + PREFIX), QUIET,
                    () -> false);
            assertEquals(uploaded.size() + 1, listing.entries().size(), "every object under the prefix, no other");
            assertTrue(server.downloads().isEmpty(), "listing reads chunk headers only: " + server.downloads());
            ObjectRecordings.Fetched fetched = s3.fetch(listing, null, QUIET, () -> false);
            assertEquals(new TreeSet<>(uploaded.keySet()), new TreeSet<>(server.downloads()),
                    "each recording downloaded once, the README never");
            assertTrue(fetched.notes().stream().anyMatch(n -> n.startsWith("README.txt is not a JFR recording")),
                    fetched.notes().toString());

            Profile fromStore = Recordings.open(fetched.folder());
            Profile fromFolder = Recordings.open(local);
            assertEquals(2, fromStore.sources().count(), fromStore.sources().names().toString());
            assertEquals(fromFolder.info().chunkCount(), fromStore.info().chunkCount(), "chunks counted once");
            assertTrue(fromStore.notes().stream().anyMatch(n -> n.contains("counted once")), fromStore.notes().toString());
            assertEquals(fromFolder.info().startNanos(), fromStore.info().startNanos());
            assertEquals(fromFolder.info().durationNanos(), fromStore.info().durationNanos());
            for (ViewKind view : VIEWS) {
                assertSameStacks(view + " from the store vs the local folder", stacks(fromFolder, view, null),
                        stacks(fromStore, view, null));
                for (String jvm : List.of("jvm-a", "jvm-b")) {
                    Profile alone = Recordings.open(local.resolve(jvm));
                    int source = fromStore.sources().names().indexOf(alone.sources().names().get(0));
                    assertTrue(source >= 0, jvm + " is a source: " + fromStore.sources().names());
                    assertSameStacks(view + " of " + jvm + " alone vs the store's recording filtered to it",
                            stacks(alone, view, null), stacks(fromStore, view, fromStore.sources().threads(source)));
                }
            }

            server.clearReads();
            ObjectRecordings again = recordings(store, cache);
            ObjectRecordings.Fetched second = again.fetch(again.list(listing.location(), QUIET, () -> false), null,
                    QUIET, () -> false);
            assertEquals(List.of(), server.reads(), "a second open reads no object from the store");
            assertEquals(0, second.downloaded());
            assertSameStacks("the second open", stacks(fromStore, ViewKind.CPU, null),
                    stacks(Recordings.open(second.folder()), ViewKind.CPU, null));
        }
    }

    @Test
    void aTimeWindowDownloadsOnlyTheObjectsThatOverlapIt() throws Exception {
        // the window: from the start of the second JVM's recording on (the JVMs ran one after the other)
        long secondJvmStart = Recordings.open(local.resolve("jvm-b")).info().startNanos();
        Set<String> needed = new TreeSet<>();
        for (Map.Entry<String, Path> e : uploaded.entrySet()) {
            if (Recordings.open(e.getValue()).info().endNanos() >= secondJvmStart) {
                needed.add(e.getKey());
            }
        }
        assertFalse(needed.isEmpty());
        assertTrue(needed.size() < uploaded.size(), "the window leaves some objects out: " + needed);

        try (ObjectStore store = ObjectStore.open(server.settings())) {
            ObjectRecordings s3 = recordings(store, temp.resolve("cache-window/objects"));
            server.clearReads();
            ObjectRecordings.Listing listing = s3.list(S3Location.parse("s3://" + BUCKET + "/" + PREFIX), QUIET,
                    () -> false);
            ObjectRecordings.Fetched fetched = s3.fetch(listing, (start, end) -> new long[] {secondJvmStart,
                    Long.MAX_VALUE}, QUIET, () -> false);
            assertEquals(needed, new TreeSet<>(server.downloads()), "only the objects the window needs");
            assertEquals(needed.size(), fetched.downloaded());
            assertTrue(fetched.notes().stream().anyMatch(n -> n.contains("outside the time window")),
                    fetched.notes().toString());
            Profile windowed = Recordings.open(fetched.folder());
            assertEquals(1, windowed.sources().count(), "only the second JVM's recordings");
        }
    }

    @Test
    void theSpanFromChunkHeadersMatchesTheRecording() throws Exception {
        Path multi = TestRecordings.multiChunk();
        server.put(BUCKET, "spans/multi.jfr", multi);
        try (ObjectStore store = ObjectStore.open(server.settings())) {
            server.clearReads();
            ObjectRecordings.Listing listing = recordings(store, temp.resolve("cache-span/objects"))
                    .list(S3Location.parse("s3://" + BUCKET + "/spans/"), QUIET, () -> false);
            RecordingSpan span = listing.entries().get(0).span();
            var info = Recordings.open(multi).info();
            assertTrue(info.chunkCount() > 1, "several chunks: " + info.chunkCount());
            assertEquals(info.startNanos(), span.startNanos());
            assertEquals(info.endNanos(), span.endNanos());
            assertEquals(info.chunkCount(), server.reads().size(), "one ranged read per chunk header");
            assertTrue(server.downloads().isEmpty());
        }
    }

    @Test
    void theCacheEvictsTheLeastRecentlyUsedPastItsCapButNeverWhatAnOpenNeeds() throws Exception {
        Path folder = temp.resolve("cache-small/objects");
        S3Location first = S3Location.parse("s3://" + BUCKET + "/" + PREFIX + "pod-2d4e/");
        S3Location second = S3Location.parse("s3://" + BUCKET + "/" + PREFIX + "pod-7f9c/");
        try (ObjectStore store = ObjectStore.open(server.settings())) {
            // a cap of one byte: each open keeps exactly the objects it needs
            ObjectRecordings s3 = new ObjectRecordings(store, new ObjectCache(folder, 1), folder.resolveSibling("opened"));
            ObjectRecordings.Fetched a = s3.fetch(s3.list(first, QUIET, () -> false), null, QUIET, () -> false);
            assertEquals(cacheNames(a), cached(folder), "the first open's objects stay, over the cap");
            ObjectRecordings.Fetched b = s3.fetch(s3.list(second, QUIET, () -> false), null, QUIET, () -> false);
            assertEquals(cacheNames(b), cached(folder), "the first open's objects were evicted for the second's");
            server.clearReads();
            ObjectRecordings.Fetched again = s3.fetch(s3.list(first, QUIET, () -> false), null, QUIET, () -> false);
            assertEquals(a.used().size(), again.downloaded(), "evicted objects are downloaded again");
            assertEquals(a.used().size(), server.downloads().size());
        }
    }

    @Test
    void aCancelledDownloadLeavesNothingHalfWritten() throws Exception {
        Path folder = temp.resolve("cache-cancel/objects");
        try (ObjectStore store = ObjectStore.open(server.settings())) {
            ObjectRecordings s3 = recordings(store, folder);
            ObjectRecordings.Listing listing = s3.list(S3Location.parse("s3://" + BUCKET + "/" + PREFIX), QUIET,
                    () -> false);
            int[] chunks = {0};
            // cancelled once the first object is part way through (after its first buffer arrived)
            assertThrows(java.util.concurrent.CancellationException.class, () -> s3.fetch(listing, null,
                    (step, done, total) -> chunks[0]++, () -> chunks[0] > 2));
            assertEquals(Set.of(), cached(folder), "no object cached");
            try (var files = Files.list(folder)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".part")).toList(), "no part file left");
            }
        }
    }

    private static Set<String> cacheNames(ObjectRecordings.Fetched fetched) {
        return fetched.used().stream().map(e -> e.object().cacheName()).collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> cached(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.equals("spans.properties") && !n.endsWith(".part"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aWrongSecretIsASentence() throws Exception {
        StoreSettings wrong = new StoreSettings(server.endpoint(), "us-east-1", null, true, S3Server.IDENTITY,
                "not-the-secret");
        try (ObjectStore store = ObjectStore.open(wrong)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> store.list(S3Location.parse("s3://" + BUCKET + "/" + PREFIX)));
            assertEquals("The secret access key is wrong for access key " + S3Server.IDENTITY + " at "
                    + server.endpoint() + ": check AWS_SECRET_ACCESS_KEY (or the secret entered).", e.getMessage());
        }
    }

    @Test
    void aMissingBucketIsASentence() throws Exception {
        try (ObjectStore store = ObjectStore.open(server.settings())) {
            StorageException e = assertThrows(StorageException.class,
                    () -> store.list(S3Location.parse("s3://no-such-bucket/" + PREFIX)));
            assertEquals("There is no bucket 'no-such-bucket' at " + server.endpoint() + ": check the bucket's"
                    + " name.", e.getMessage());
        }
    }

    @Test
    void aStoppedServerIsASentence() throws Exception {
        String endpoint;
        try (S3Server stopped = new S3Server(temp.resolve("stopped"))) {
            endpoint = stopped.endpoint();
        }
        StoreSettings settings = new StoreSettings(endpoint, "us-east-1", null, true, "key", "secret");
        try (ObjectStore store = ObjectStore.open(settings)) {
            StorageException e = assertThrows(StorageException.class,
                    () -> store.list(S3Location.parse("s3://" + BUCKET + "/" + PREFIX)));
            assertEquals("Cannot reach " + endpoint + ": the connection was refused. Check that the store is"
                    + " running and AWS_ENDPOINT_URL (or the endpoint entered) is right.", e.getMessage());
        }
    }

    @Test
    void aStoreThatNeverAnswersIsASentence() throws Exception {
        // a server that takes the connection and then says nothing, as a stalled store or proxy does
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
            StoreSettings settings = new StoreSettings(endpoint, "us-east-1", null, true, "key", "secret");
            try (ObjectStore store = ObjectStore.open(settings, java.time.Duration.ofSeconds(2),
                    java.time.Duration.ofSeconds(1))) {
                StorageException e = assertThrows(StorageException.class,
                        () -> store.list(S3Location.parse("s3://" + BUCKET + "/" + PREFIX)));
                assertEquals(endpoint + " did not answer within 1 second, after several attempts: the store is"
                        + " overloaded or the network is stalled.", e.getMessage());
                assertTrue(held.size() > 1, "the request was retried: " + held.size() + " connections");
            } finally {
                for (java.net.Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void noCredentialsIsASentence() {
        StoreSettings settings = new StoreSettings(server.endpoint(), "us-east-1", "firesight-no-such-profile",
                true, null, null);
        StorageException e = assertThrows(StorageException.class, () -> ObjectStore.open(settings));
        assertTrue(e.getMessage().startsWith("No credentials for object storage: the profile"
                + " 'firesight-no-such-profile' has no access key"), e.getMessage());
    }

    private static Map<String, Long> stacks(Profile profile, ViewKind view, java.util.BitSet threads) {
        if (!profile.has(view)) {
            return Map.of();
        }
        ProfileQuery query = ProfileQuery.of(view);
        if (threads != null) {
            query = query.withThreads(threads);
        }
        return Collapsed.toMap(CallTreeBuilder.build(profile, query));
    }
}
