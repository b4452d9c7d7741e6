package dev.firesight.parser.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real JVM recorded with secrets where users leave them: {@value #PASSWORD} in the environment
 * ({@code DB_PASSWORD}) and as a program argument, {@value #TOKEN} in a system property
 * ({@code api.token}). Made fresh for each test class that asks, in a folder it owns.
 */
public final class SecretsRecording {
    public static final String PASSWORD = "hunter2";
    public static final String TOKEN = "tok-123456";

    private SecretsRecording() {
    }

    /** Records {@link Workload} for 300 ms under those secrets into {@code dir/secrets.jfr}. */
    public static Path make(Path dir) throws IOException, InterruptedException {
        Path recording = dir.resolve("secrets.jfr");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:StartFlightRecording:filename=" + recording + ",settings=default",
                "-Dapi.token=" + TOKEN, "-cp", ChildJvm.testClassPath().toString(),
                Workload.class.getName(), "300", "--db-password=" + PASSWORD)
                .redirectErrorStream(true).redirectOutput(dir.resolve("secrets-child.log").toFile());
        pb.environment().put("DB_PASSWORD", PASSWORD);
        Process child = pb.start();
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IOException("the child JVM did not record its secrets (see " + dir + "/secrets-child.log)");
        }
        return recording;
    }
}
