package dev.firesight.parser.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The golden recordings (see {@code parser/src/test/resources/golden/README.md}): their names and files,
 * found from the parser's and the app's module folders alike.
 */
public final class GoldenRecordings {
    /** The sets, in the order tests list them. */
    public static final List<String> NAMES = List.of("jdk17", "jdk25", "async-profiler");

    /** The parser's test resources, from any module folder of this repository. */
    public static final Path RESOURCES = Path.of("..", "parser", "src", "test", "resources");

    private static final Map<String, String> FILES = Map.of(
            "jdk17", "golden/jdk17/workload-jdk17.jfr",
            "jdk25", "golden/jdk25/workload-jdk25.jfr",
            "async-profiler", "public/v2.0-ap3.0-fa937db-cpu-alloc.jfr.gz");

    private GoldenRecordings() {
    }

    /** The recording of a set. */
    public static Path recording(String name) {
        return RESOURCES.resolve(FILES.get(name));
    }

    /** Where a set's expected stacks live. */
    public static Path expected(String name) {
        return RESOURCES.resolve("golden").resolve(name);
    }
}
