package dev.firesight.storage;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.options.GetOptions;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real S3-API server for tests: s3proxy on 127.0.0.1 with its filesystem back end and SigV4
 * authentication. The back end is wrapped to record each object read the server performs (whole or ranged),
 * so a test can count what a client downloaded; every call still goes to the real store.
 */
public final class S3Server implements AutoCloseable {
    public static final String IDENTITY = "firesight-test";
    public static final String CREDENTIAL = "firesight-test-secret";

    /** One object read by the server: the key, and whether it asked for a byte range (a header) or all. */
    public record Read(String key, boolean ranged) {
    }

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final BlobStore store;
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final int port;

    public S3Server(Path dir) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", Files.createDirectories(dir).toString());
        context = ContextBuilder.newBuilder("filesystem").credentials(IDENTITY, CREDENTIAL).overrides(properties)
                .build(BlobStoreContext.class);
        BlobStore real = context.getBlobStore();
        InvocationHandler counting = (proxyObject, method, args) -> {
            if (method.getName().equals("getBlob")) {
                boolean ranged = args.length > 2 && args[2] instanceof GetOptions o && !o.getRanges().isEmpty();
                reads.add(new Read((String) args[1], ranged));
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        store = (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
                counting);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, IDENTITY, CREDENTIAL).build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Settings that reach this server with its key and secret. */
    public StoreSettings settings() {
        return new StoreSettings(endpoint(), "us-east-1", null, true, IDENTITY, CREDENTIAL);
    }

    public void createBucket(String bucket) {
        store.createContainerInLocation(null, bucket);
    }

    public void put(String bucket, String key, Path file) {
        store.putBlob(bucket, store.blobBuilder(key).payload(file.toFile()).contentLength(file.toFile().length())
                .build());
    }

    public void put(String bucket, String key, byte[] bytes) {
        store.putBlob(bucket, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    /**
     * Uploads every file under {@code folder} with its relative path under {@code prefix}, the folder names
     * changed as {@code renames} says (pod names chosen apart from what the recordings say); returns key to
     * file.
     */
    public java.util.Map<String, Path> putFolder(String bucket, String prefix, Path folder,
                                                 java.util.Map<String, String> renames) throws java.io.IOException {
        java.util.Map<String, Path> keys = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = folder.relativize(file).toString().replace('\\', '/');
                for (java.util.Map.Entry<String, String> r : renames.entrySet()) {
                    key = key.replace(r.getKey(), r.getValue());
                }
                put(bucket, prefix + key, file);
                keys.put(prefix + key, file);
            }
        }
        return keys;
    }

    /** The object reads so far, oldest first. */
    public List<Read> reads() {
        return List.copyOf(reads);
    }

    /** The keys downloaded whole. */
    public List<String> downloads() {
        return reads.stream().filter(r -> !r.ranged()).map(Read::key).toList();
    }

    public void clearReads() {
        reads.clear();
    }

    public void stop() throws Exception {
        if (!proxy.getState().equals("STOPPED")) {
            proxy.stop();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            context.close();
        }
    }
}
