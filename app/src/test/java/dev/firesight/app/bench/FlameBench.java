package dev.firesight.app.bench;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.FlameGraphSkin;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.SyntheticTrees;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Flame graph rendering benchmark (not a test). Opens a recording, then times: call tree + flame layout
 * of the CPU view; canvas repaint after a zoom and after a hover at 1600x1000 in a headless Monocle
 * stage; a view switch (another view's tree + layout); and the same repaints on a synthetic
 * 250,000-node tree. Repaint times are the canvas draw calls on the FX thread.
 *
 * <pre>
 * mvn -B -q -o -pl app -am -DskipTests test-compile
 * mvn -B -q -o -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx8g -cp app/target/test-classes:app/target/classes:parser/target/classes:\
 *   parser/target/test-classes:attach/target/classes:icons/target/classes:$(cat /tmp/cp.txt) \
 *   dev.firesight.app.bench.FlameBench [FILE.jfr | --synthetic]
 * </pre>
 * (Or, after {@code mvn -pl app -am install -DskipTests}: {@code mvn -pl app exec:exec
 * -Dexec.classpathScope=test -Dexec.executable=java -Dexec.args="-Xmx8g -cp %classpath
 * dev.firesight.app.bench.FlameBench FILE.jfr"}.) With no argument it takes the largest .jfr under
 * /work/wt-bench/{parser,app}/target/bench; {@code --synthetic} runs only the synthetic tree.
 */
public final class FlameBench {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;
    private static final int ROUNDS = 30;

    private FlameBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
        boolean syntheticOnly = args.length > 0 && args[0].equals("--synthetic");
        Path file = syntheticOnly ? null : args.length > 0 ? Path.of(args[0]) : findRecording();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);

        if (file != null) {
            System.out.printf(Locale.ROOT, "recording %s (%.1f MB)%n", file, Files.size(file) / 1e6);
            long t0 = System.nanoTime();
            Profile profile = Recordings.open(file);
            System.out.printf(Locale.ROOT, "open (parse)                 %8.1f ms  views %s%n", ms(t0), profile.views());
            benchProfile(profile);
        } else {
            System.out.println("no recording given or found; synthetic tree only");
        }
        CallTree synthetic = SyntheticTrees.random(250_000, 42);
        System.out.printf(Locale.ROOT, "%nsynthetic tree: %,d nodes, depth %d%n", synthetic.size(), synthetic.maxDepth());
        benchTree("synthetic", synthetic);
    }

    private static void benchProfile(Profile profile) throws Exception {
        List<Double> build = new ArrayList<>();
        List<Double> layoutOnly = new ArrayList<>();
        CallTree cpu = null;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            cpu = CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.CPU));
            long t2 = System.nanoTime();
            FlameLayout.compute(cpu, CallTree.ROOT, 0.5 / WIDTH);
            layoutOnly.add(ms(t2));
            build.add(ms(t));
        }
        System.out.printf(Locale.ROOT, "CPU tree: %,d nodes, depth %d, %,d samples%n", cpu.size(), cpu.maxDepth(),
                cpu.samples());
        report("CPU call tree + layout", build);
        report("  of which flame layout", layoutOnly);
        benchTree("CPU", cpu);
        ViewKind other = profile.has(ViewKind.ALLOC) ? ViewKind.ALLOC : profile.has(ViewKind.WALL) ? ViewKind.WALL
                : profile.has(ViewKind.LOCK) ? ViewKind.LOCK : null;
        if (other != null) {
            List<Double> sw = new ArrayList<>();
            List<Double> swTree = new ArrayList<>();
            List<Double> swLayout = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                CallTree tree = CallTreeBuilder.build(profile, ProfileQuery.of(other));
                swTree.add(ms(t));
                long t2 = System.nanoTime();
                FlameLayout.compute(tree, CallTree.ROOT, 0.5 / WIDTH);
                swLayout.add(ms(t2));
                sw.add(ms(t));
            }
            report("view switch CPU -> " + other.id() + " (tree + layout)", sw);
            report("  of which call tree (parser)", swTree);
            report("  of which flame layout", swLayout);
            List<Double> swThreads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long t = System.nanoTime();
                CallTree tree = CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.CPU).withPerThread(true));
                FlameLayout.compute(tree, CallTree.ROOT, 0.5 / WIDTH);
                swThreads.add(ms(t));
            }
            report("view switch CPU -> CPU per thread", swThreads);
        }
    }

    private static void benchTree(String label, CallTree tree) throws Exception {
        FlameGraph graph = fx(() -> {
            FlameGraph g = new FlameGraph();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(g), WIDTH, HEIGHT));
            stage.show();
            g.setTree(tree);
            g.applyCss();
            g.getParent().layout();
            return g;
        });
        FlameGraphSkin skin = fx(() -> (FlameGraphSkin) graph.getSkin());
        int[] zoomTargets = zoomTargets(tree, ROUNDS);
        List<Double> zoom = new ArrayList<>();
        List<Double> zoomCached = new ArrayList<>();
        List<Double> hover = new ArrayList<>();
        List<Double> raster = new ArrayList<>();
        int[] drawn = new int[2];
        for (int r = 0; r < ROUNDS; r++) {
            int target = zoomTargets[r];
            zoom.add(fx(() -> {
                long t = System.nanoTime();
                graph.zoomTo(target);
                skin.repaint();
                return ms(t);
            }));
            fx(() -> {
                graph.resetZoom();
                skin.repaint();
                return null;
            });
            zoomCached.add(fx(() -> {
                long t = System.nanoTime();
                graph.zoomTo(target);
                skin.repaint();
                double d = ms(t);
                graph.resetZoom();
                skin.repaint();
                drawn[0] = Math.max(drawn[0], skin.framesDrawn());
                return d;
            }));
        }
        FlameLayout full = fx(skin::currentLayout);
        drawn[1] = fx(skin::framesDrawn);
        List<Double> fullRepaint = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            fullRepaint.add(fx(() -> {
                long t = System.nanoTime();
                skin.repaint();
                return ms(t);
            }));
        }
        for (int r = 0; r < ROUNDS; r++) {
            int i = (int) ((long) r * 7919 % full.size());
            int node = full.node(i);
            double x = (full.x(i) + full.width(i) / 2) * WIDTH;
            hover.add(fx(() -> {
                long t = System.nanoTime();
                skin.hover(node, x, 100);
                return ms(t);
            }));
        }
        for (int r = 0; r < 5; r++) {
            raster.add(fx(() -> {
                long t = System.nanoTime();
                graph.snapshot(null, null);
                return ms(t);
            }));
        }
        System.out.printf(Locale.ROOT, "%s layout at %d px: %,d frames visible, %,d drawn at root%n", label, WIDTH,
                full.size(), drawn[1]);
        report(label + " repaint after zoom (new layout)", zoom);
        report(label + " repaint after zoom (cached layout)", zoomCached);
        report(label + " repaint after hover", hover);
        report(label + " full repaint at the root", fullRepaint);
        report(label + " full software raster (snapshot, info)", raster);
        fx(() -> {
            graph.getScene().getWindow().hide();
            return null;
        });
    }

    /** Frames worth zooming into: visible at the root and at least 0.5% wide. */
    private static int[] zoomTargets(CallTree tree, int n) {
        FlameLayout l = FlameLayout.compute(tree, CallTree.ROOT, 0.005);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = l.size() < 2 ? CallTree.ROOT : l.node(1 + (int) ((long) i * 104729 % (l.size() - 1)));
        }
        return out;
    }

    private static void report(String what, List<Double> times) {
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-46s median %7.2f ms   p90 %7.2f ms   max %7.2f ms   (n=%d)%n", what,
                t[t.length / 2], t[(int) Math.min(t.length - 1, Math.ceil(t.length * 0.9) - 1)], t[t.length - 1],
                t.length);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }

    private static Path findRecording() throws Exception {
        for (String dir : new String[] {"/work/wt-bench/parser/target/bench", "/work/wt-bench/app/target/bench",
                "/tmp/flame-bench"}) {
            Path d = Path.of(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    Path[] found = s.filter(p -> p.toString().endsWith(".jfr") && !p.toString().contains("partial"))
                            .sorted((a, b) -> Long.compare(b.toFile().length(), a.toFile().length()))
                            .toArray(Path[]::new);
                    if (found.length > 0) {
                        return found[0];
                    }
                }
            }
        }
        return null;
    }

}
