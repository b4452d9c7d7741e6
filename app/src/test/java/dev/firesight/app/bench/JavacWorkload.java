package dev.firesight.app.bench;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's real workload, run in a child JVM under a profiler: the JDK's own compiler (javac,
 * through {@link ToolProvider#getSystemJavaCompiler()}) compiling a generated source tree of a few
 * hundred interdependent classes, over and over, until the recording being written reaches a target
 * size (or a time limit passes).
 *
 * <p>Usage: {@code JavacWorkload WORK_DIR WATCH_PATH TARGET_BYTES MAX_SECONDS} where WATCH_PATH is the
 * recording file (async-profiler writes it as it goes) or the JFR repository folder (the JDK writes its
 * chunks there), whose total size is compared against TARGET_BYTES.
 */
public final class JavacWorkload {
    static final int CLASSES = 240;
    static final int METHODS = 14;
    static final int BATCH = 30;

    private JavacWorkload() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        Path watch = Path.of(args[1]);
        long target = Long.parseLong(args[2]);
        long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        List<String> sources = generate(work.resolve("src"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int round = 0;
        int batches = 0;
        while (size(watch) < target && System.nanoTime() < deadline) {
            Path out = work.resolve("classes-" + (round % 2));
            Files.createDirectories(out);
            // Batches keep each javac run short, so the size and time limits are checked often; the
            // source path lets each batch resolve (and attribute) the classes it refers to.
            for (int from = 0; from < sources.size() && size(watch) < target && System.nanoTime() < deadline;
                    from += BATCH) {
                List<String> javacArgs = new ArrayList<>(List.of("-d", out.toString(), "-g", "-proc:none",
                        "-sourcepath", work.resolve("src").toString(), "-implicit:none",
                        "-Xlint:all", "-nowarn", "-encoding", "UTF-8"));
                javacArgs.addAll(sources.subList(from, Math.min(sources.size(), from + BATCH)));
                int rc = javac.run(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
                        javacArgs.toArray(new String[0]));
                if (rc != 0) {
                    PrintWriter err = new PrintWriter(System.err, true);
                    err.println("javac failed with exit code " + rc + "; rerunning with diagnostics:");
                    javac.run(null, System.err, System.err, javacArgs.toArray(new String[0]));
                    System.exit(3);
                }
                batches++;
            }
            round++;
        }
        System.out.println("javac batches: " + batches);
    }

    /** Total bytes of a file, or of the regular files under a folder. */
    static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /**
     * Writes the source tree once (it is deterministic): classes in a dozen packages, each with records,
     * generics, lambdas, streams, switch, string concatenation, nested and anonymous classes, and calls
     * into its neighbours, so javac's attribution, flow analysis, lowering and code generation all work.
     */
    static List<String> generate(Path src) throws IOException {
        List<String> files = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            String pkg = "gen.p" + (c % 12);
            Path dir = src.resolve(pkg.replace('.', '/'));
            Path file = dir.resolve("C" + c + ".java");
            files.add(file.toString());
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                Files.writeString(file, classSource(pkg, c), StandardCharsets.UTF_8);
            }
        }
        return files;
    }

    private static String classSource(String pkg, int c) {
        String prev = "gen.p" + ((c + 11) % 12) + ".C" + ((c + CLASSES - 1) % CLASSES);
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n")
                .append("import java.util.*;\nimport java.util.function.*;\nimport java.util.stream.*;\n\n")
                .append("public class C").append(c).append(" implements Comparable<C").append(c).append("> {\n")
                .append("    public record Item(int id, String name, List<Integer> values) {\n")
                .append("        public Item {\n            values = List.copyOf(values);\n        }\n")
                .append("        int sum() { return values.stream().mapToInt(Integer::intValue).sum(); }\n    }\n\n")
                .append("    public interface Visitor<R> {\n        R visitItem(Item item);\n")
                .append("        default R visitAll(Collection<? extends Item> items, BinaryOperator<R> join) {\n")
                .append("            return items.stream().map(this::visitItem).reduce(join).orElse(null);\n")
                .append("        }\n    }\n\n")
                .append("    private final Map<String, List<Item>> byName = new TreeMap<>();\n")
                .append("    private final int seed;\n\n")
                .append("    public C").append(c).append("(int seed) {\n        this.seed = seed;\n    }\n\n")
                .append("    @Override\n    public int compareTo(C").append(c).append(" o) {\n")
                .append("        return Integer.compare(seed, o.seed);\n    }\n\n");
        for (int m = 0; m < METHODS; m++) {
            s.append("    public <T extends Comparable<? super T>> Map<Boolean, List<T>> split").append(m)
                    .append("(Collection<T> in, Function<? super T, ? extends T> f, T pivot) {\n")
                    .append("        return in.stream().map(f).filter(Objects::nonNull).sorted()\n")
                    .append("                .collect(Collectors.partitioningBy(x -> x.compareTo(pivot) > ").append(m)
                    .append(" - ").append(m).append("));\n    }\n\n")
                    .append("    public String describe").append(m).append("(Object o, int depth) {\n")
                    .append("        String kind = switch (depth % 4) {\n")
                    .append("            case 0 -> \"zero\" + depth;\n            case 1 -> \"one\" + o;\n")
                    .append("            case 2 -> { String t = String.valueOf(o).trim(); yield t + '/' + seed; }\n")
                    .append("            default -> o instanceof Item i ? i.name() + i.sum() : \"other\";\n        };\n")
                    .append("        StringBuilder b = new StringBuilder(kind);\n")
                    .append("        for (int i = 0; i < depth; i++) {\n")
                    .append("            b.append(i).append(':').append(kind.length() * ").append(m + 1).append(");\n")
                    .append("        }\n        return b + \"@").append(m).append("\" + seed;\n    }\n\n")
                    .append("    public Optional<Item> find").append(m).append("(String name, Predicate<Item> p) {\n")
                    .append("        List<Item> items = byName.computeIfAbsent(name, k -> new ArrayList<>());\n")
                    .append("        items.add(new Item(").append(m).append(", name, List.of(seed, ").append(m)
                    .append(", name.length())));\n")
                    .append("        Visitor<Integer> v = new Visitor<>() {\n")
                    .append("            @Override\n            public Integer visitItem(Item item) {\n")
                    .append("                return item.sum() + ").append(m).append(";\n            }\n        };\n")
                    .append("        int total = v.visitAll(items, Integer::sum);\n")
                    .append("        return items.stream().filter(p).filter(i -> i.sum() <= total).findFirst();\n")
                    .append("    }\n\n")
                    .append("    public long chain").append(m).append("(").append(prev).append(" other) {\n")
                    .append("        return other.describe").append(m).append("(this, seed).length()\n")
                    .append("                + other.split").append(m)
                    .append("(List.of(\"a\", \"b\", \"c\"), String::toUpperCase, \"b\").size();\n    }\n\n");
        }
        s.append("}\n");
        return s.toString();
    }
}
