package dev.firesight.parser.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.io.Reader;

/**
 * Finds installed JDKs by feature version, so workloads can be recorded on JDK 17 and JDK 25.
 *
 * <p>Looked at, in order: the system property {@code firesight.jdk<N>.home}, the environment variable
 * {@code JAVA<N>_HOME}, the running JVM's {@code java.home}, then every directory under
 * {@code /usr/lib/jvm}, {@code /opt/java}, {@code /Library/Java/JavaVirtualMachines/*}{@code /Contents/Home}
 * and {@code C:\Program Files\Java}/{@code Eclipse Adoptium} whose {@code release} file says
 * {@code JAVA_VERSION="N..."}. Only full JDKs count (those with {@code lib/jfr/profile.jfc}).
 */
public final class Jdks {
    private Jdks() {
    }

    /** The home directory of an installed JDK with this feature version (17, 25, ...), if any. */
    public static Optional<Path> home(int feature) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("firesight.jdk" + feature + ".home");
        if (property != null) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv("JAVA" + feature + "_HOME");
        if (env != null) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/Library/Java/JavaVirtualMachines",
                "C:\\Program Files\\Java", "C:\\Program Files\\Eclipse Adoptium")) {
            candidates.addAll(children(Path.of(root)));
        }
        for (Path candidate : candidates) {
            Path home = Files.isDirectory(candidate.resolve("Contents/Home"))
                    ? candidate.resolve("Contents/Home") : candidate;
            if (feature(home) == feature && Files.isRegularFile(home.resolve("lib/jfr/profile.jfc"))
                    && Files.isRegularFile(javaExecutable(home))) {
                return Optional.of(home);
            }
        }
        return Optional.empty();
    }

    /** The {@code java} launcher of a JDK home. */
    public static Path javaExecutable(Path home) {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    /** The feature version written in the JDK's {@code release} file, or -1 if unreadable. */
    public static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(release)) {
            props.load(reader);
        } catch (IOException e) {
            return -1;
        }
        String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    }

    private static List<Path> children(Path root) {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            dirs.forEach(result::add);
        } catch (IOException e) {
            return result;
        }
        result.sort(null);
        return result;
    }
}
