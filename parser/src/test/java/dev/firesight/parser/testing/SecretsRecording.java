package dev.firesight.parser.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real JVM recorded with secrets where users leave them: {@value #PASSWORD} in the environment
 * ({@code DB_PASSWORD}) and as a program argument, {@value #TOKEN} in a system property
 * ({@code api.token}), and credentials inside values whose names look harmless ({@link #ENVIRONMENT},
 * {@link #PROPERTIES}: URLs with user-info, a token pair, a bearer token, an AWS access key id, a private
 * key block). Made fresh for each test class that asks, in a folder it owns.
 */
public final class SecretsRecording {
    public static final String PASSWORD = "hunter2";
    public static final String TOKEN = "tok-123456";
    /** Environment variables with harmless names whose values hold credentials. */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "DATABASE_URL", "postgres://app:pg-s3cr3t-pw@db.example:5432/orders",
            "SERVICE_OPTS", "--verbose --token=opts-t0ken-123 --port=80",
            "HTTP_HEADERS", "Accept: */*; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.bearer-sig",
            "DEPLOY_NOTES", "uploaded with AKIAIOSFODNN7EXAMPLE yesterday",
            "TLS_MATERIAL", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCpem\n-----END PRIVATE KEY-----");
    /** System properties with harmless names whose values hold credentials. */
    public static final Map<String, String> PROPERTIES = Map.of(
            "spring.datasource.url", "jdbc:postgresql://app:jdbc-s3cr3t@db.example/orders");
    /** The credential in each of those values: none of these bytes may be left in a redacted copy. */
    public static final List<String> EMBEDDED = List.of("pg-s3cr3t-pw", "opts-t0ken-123",
            "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.bearer-sig", "AKIAIOSFODNN7EXAMPLE", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCpem",
            "jdbc-s3cr3t");

    private SecretsRecording() {
    }

    /** JVM options that hold no secret, which a redacted view keeps readable. */
    public static final String HEAP_OPTION = "-Xmx256m";
    public static final String GC_OPTION = "-XX:+UseSerialGC";

    /** Records {@link Workload} for 300 ms under those secrets into {@code dir/secrets.jfr}. */
    public static Path make(Path dir) throws IOException, InterruptedException {
        Path recording = dir.resolve("secrets.jfr");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default", "-Dapi.token=" + TOKEN,
                HEAP_OPTION, GC_OPTION));
        PROPERTIES.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", ChildJvm.testClassPath().toString(), Workload.class.getName(), "300",
                "--db-password=" + PASSWORD));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("secrets-child.log").toFile());
        pb.environment().put("DB_PASSWORD", PASSWORD);
        pb.environment().putAll(ENVIRONMENT);
        Process child = pb.start();
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IOException("the child JVM did not record its secrets (see " + dir + "/secrets-child.log)");
        }
        return recording;
    }
}
