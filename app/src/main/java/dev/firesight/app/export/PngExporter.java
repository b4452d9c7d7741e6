package dev.firesight.app.export;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.files.OutputFile;
import dev.firesight.parser.query.FrameSearch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A PNG of a {@link FlameView}, drawn by an off-screen {@link FlameGraph} so it matches the window. */
public final class PngExporter {
    /** Row height of the control, for sizing a picture to its content. */
    private static final double ROW_HEIGHT = 18;

    private PngExporter() {
    }

    /**
     * Draws the view at a size. A height of 0 or less fits every row of the layout. Must run on the FX
     * application thread, so the search comes already run on the view's tree (off it): a flame graph's own
     * {@code searchState()}, or {@link FlameView#runSearch()} on a worker.
     */
    public static WritableImage render(FlameView view, FrameSearch search, int width, int height) {
        if (height <= 0) {
            FlameLayout layout = FlameLayout.compute(view.flame(), view.zoomNode(), 0.5 / width);
            height = (int) Math.ceil(Math.max(ROW_HEIGHT * 2, layout.rows() * ROW_HEIGHT));
        }
        FlameGraph graph = new FlameGraph();
        graph.setFlameTree(view.flame());
        graph.setZoomPath(view.zoomPath());
        graph.searchProperty().set(search);
        graph.icicleProperty().set(view.icicle());
        graph.colorModeProperty().set(view.colorMode());
        StackPane root = new StackPane(graph);
        new Scene(root, width, height);
        root.applyCss();
        root.resize(width, height);
        root.layout();
        return graph.snapshot(null, new WritableImage(width, height));
    }

    /** Renders on the FX thread (waiting for it when called from another) and writes a PNG file. */
    public static void write(FlameView view, int width, int height, Path file) throws IOException {
        FrameSearch search = view.runSearch();
        WritableImage image;
        if (Platform.isFxApplicationThread()) {
            image = render(view, search, width, height);
        } else {
            CompletableFuture<WritableImage> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(render(view, search, width, height));
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            });
            try {
                image = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("PNG export was interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("PNG export failed: " + e.getCause(), e.getCause());
            }
        }
        save(image, file);
    }

    /**
     * Encodes a rendered image as PNG into {@code file}, owner-only and renamed into place when complete; off
     * the FX thread is fine.
     */
    public static void save(WritableImage image, Path file) throws IOException {
        OutputFile.write(file, out -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out)) {
                throw new IOException("no PNG writer is available in this JVM");
            }
        });
    }
}
