package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.format.Units;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.Sandwich;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A method's sandwich in a window of its own: its callers above as a flame graph growing up from the method,
 * its callees below as an icicle hanging down from it, so the method sits in the middle. It follows the tab's
 * view, range, threads and transforms; closing it (or Esc) ends it.
 */
final class SandwichView {
    private final RecordingTabViewModel vm;
    private final FlameGraph callers = new FlameGraph();
    private final FlameGraph callees = new FlameGraph();
    private final Label callersTitle = new Label();
    private final Label calleesTitle = new Label();
    private final VBox root;
    private Stage stage;

    SandwichView(RecordingTabViewModel vm) {
        this.vm = vm;
        callers.setId("sandwich-callers");
        callees.setId("sandwich-callees");
        callees.icicleProperty().set(true);
        callersTitle.setId("sandwich-callers-title");
        calleesTitle.setId("sandwich-callees-title");
        callersTitle.getStyleClass().add("sandwich-title");
        calleesTitle.getStyleClass().add("sandwich-title");
        VBox up = new VBox(callersTitle, callers);
        VBox down = new VBox(calleesTitle, callees);
        VBox.setVgrow(callers, Priority.ALWAYS);
        VBox.setVgrow(callees, Priority.ALWAYS);
        SplitPane split = new SplitPane(up, down);
        split.setOrientation(Orientation.VERTICAL);
        root = new VBox(split);
        root.setId("sandwich");
        VBox.setVgrow(split, Priority.ALWAYS);
        vm.sandwichProperty().addListener((o, a, s) -> show(s));
        vm.sandwichMethodProperty().addListener((o, a, m) -> {
            if (m.intValue() < 0 && stage != null) {
                stage.hide();
            }
        });
    }

    /** Opens the window (owned by {@code owner}, when there is one) or brings it to the front. */
    void open(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            Scene scene = new Scene(root, 1100, 760);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            // A filter: the flame graphs take Esc for their zoom, and here it should close the window.
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    e.consume();
                    stage.hide();
                }
            });
            stage.setScene(scene);
            stage.setOnHidden(e -> vm.sandwichMethodProperty().set(-1));
        }
        show(vm.sandwichProperty().get());
        stage.show();
        stage.toFront();
    }

    private void show(Sandwich s) {
        callers.setTree(s == null ? null : s.callers());
        callees.setTree(s == null ? null : s.callees());
        if (s == null) {
            callersTitle.setText("Computing…");
            calleesTitle.setText("");
            return;
        }
        String method = dev.firesight.app.format.MethodNames.shortName(s.method());
        ViewKind view = s.callees().view();
        String weight = Units.weight(s.total(), view.unit());
        callersTitle.setText("Callers of " + method + " \u2014 " + weight + ", each path up to the thread's entry");
        calleesTitle.setText("Callees of " + method + " \u2014 " + weight);
        if (stage != null) {
            stage.setTitle("Sandwich \u2014 " + method);
        }
    }

    Stage stage() {
        return stage;
    }

    FlameGraph callersGraph() {
        return callers;
    }

    FlameGraph calleesGraph() {
        return callees;
    }
}
