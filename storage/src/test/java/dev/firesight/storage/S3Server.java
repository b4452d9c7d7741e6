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
final class S3Server implements AutoCloseable {
    static final String IDENTITY = "firesight-test";
    static final String CREDENTIAL = "firesight-test-secret";

    /** One object read by the server: the key, and whether it asked for a byte range (a header) or all. */
    record Read(String key, boolean ranged) {
    }

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final BlobStore store;
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final int port;

    S3Server(Path dir) throws Exception {
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

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Settings that reach this server with its key and secret. */
    StoreSettings settings() {
        return new StoreSettings(endpoint(), "us-east-1", null, true, IDENTITY, CREDENTIAL);
    }

    void createBucket(String bucket) {
        store.createContainerInLocation(null, bucket);
    }

    void put(String bucket, String key, Path file) {
        store.putBlob(bucket, store.blobBuilder(key).payload(file.toFile()).contentLength(file.toFile().length())
                .build());
    }

    void put(String bucket, String key, byte[] bytes) {
        store.putBlob(bucket, store.blobBuilder(key).payload(bytes).contentLength(bytes.length).build());
    }

    /** The object reads so far, oldest first. */
    List<Read> reads() {
        return List.copyOf(reads);
    }

    /** The keys downloaded whole. */
    List<String> downloads() {
        return reads.stream().filter(r -> !r.ranged()).map(Read::key).toList();
    }

    void clearReads() {
        reads.clear();
    }

    void stop() throws Exception {
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
