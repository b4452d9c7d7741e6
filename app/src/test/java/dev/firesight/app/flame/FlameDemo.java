package dev.firesight.app.flame;

import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FlameLayout;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.SearchPattern;
import dev.firesight.parser.query.ProfileQuery;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;

/**
 * Shows one view of a recording in a {@link FlameGraph}, for screenshots:
 * {@code FlameDemo FILE VIEW [zoom-depth] [search-regex]}. After a moment it hovers the widest frame of
 * the middle row so the tooltip is in the picture.
 */
public final class FlameDemo extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Profile profile = Recordings.open(Path.of(args.get(0)));
        ViewKind view = ViewKind.byId(args.get(1));
        CallTree tree = CallTreeBuilder.build(profile, ProfileQuery.of(view));
        FlameGraph graph = new FlameGraph();
        graph.setTree(tree);
        if (args.size() > 4 && args.get(4).equals("package")) {
            graph.colorModeProperty().set(ColorMode.PACKAGE);
        }
        Label title = new Label(Path.of(args.get(0)).getFileName() + " \u2014 " + view.title());
        title.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
        Label search = new Label();
        graph.searchProperty().addListener((o, a, r) -> search.setText(
                r.isEmpty() ? "" : String.format("Search matched %.2f%% in %d frames", r.percent(), r.matchCount())));
        if (args.size() > 3 && !args.get(3).isEmpty()) {
            graph.searchProperty().set(FrameSearch.run(graph.getFlameTree(), SearchPattern.regex(args.get(3))));
        }
        HBox top = new HBox(16, title, search);
        top.setPadding(new Insets(6, 8, 2, 8));
        VBox header = new VBox(top, graph.breadcrumbBar());
        BorderPane root = new BorderPane(graph);
        root.setTop(header);
        root.setBottom(graph.legend());
        HBox.setHgrow(search, Priority.ALWAYS);
        stage.setTitle("Firesight flame graph demo");
        stage.setScene(new Scene(root, 1600, 1000));
        stage.show();
        int zoomDepth = args.size() > 2 ? Integer.parseInt(args.get(2)) : 0;
        PauseTransition later = new PauseTransition(Duration.seconds(1.5));
        later.setOnFinished(e -> {
            if (zoomDepth > 0) {
                int n = CallTree.ROOT;
                while (tree.depth(n) < zoomDepth && tree.firstChild(n) != CallTree.NONE) {
                    n = widest(tree, n);
                }
                graph.zoomTo(n);
            }
            graph.applyCss();
            graph.layout();
            FlameGraphSkin skin = (FlameGraphSkin) graph.getSkin();
            FlameLayout l = skin.currentLayout();
            int depth = Math.min(l.rows() - 1, 6);
            int best = l.rowStart(depth);
            for (int i = l.rowStart(depth); i < l.rowEnd(depth); i++) {
                if (l.width(i) > l.width(best)) {
                    best = i;
                }
            }
            double w = graph.getWidth();
            double h = Math.max(graph.getHeight(), l.rows() * 18.0);
            double x = (l.x(best) + l.width(best) * 0.3) * w;
            double y = FlameLayout.rowTop(depth, 18, Math.min(h, graph.getHeight()), false) + 9;
            graph.selectedNodeProperty().set(l.node(best));
            skin.hover(l.node(best), x, y);
            System.out.println("READY");
        });
        later.play();
    }

    private static int widest(CallTree tree, int node) {
        int best = tree.firstChild(node);
        for (int c = best; c != CallTree.NONE; c = tree.nextSibling(c)) {
            if (tree.total(c) > tree.total(best)) {
                best = c;
            }
        }
        return best;
    }

    /** Entry point from a plain class path: the launcher refuses a main class that is an Application. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(FlameDemo.class, args);
        }
    }
}
