package dev.firesight.app.compare;

import static dev.firesight.app.compare.ComparisonWindowTest.HALVABLE;
import static dev.firesight.app.compare.ComparisonWindowTest.fx;
import static dev.firesight.app.compare.ComparisonWindowTest.node;
import static dev.firesight.app.compare.ComparisonWindowTest.onlyComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.window.MainWindowView;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A diff in the window tells sampling noise from real change: on the same work recorded twice almost every
 * frame is drawn neutral and "Only significant changes" hides almost every method; on the pair where one method
 * allocates twice as much, that method stays coloured and listed, in the window and in the exported SVG.
 */
@ExtendWith(ApplicationExtension.class)
class DiffNoiseWindowTest {
    @TempDir
    Path temp;
    private final ComparisonWindowTest.Dialogs dialogs = new ComparisonWindowTest.Dialogs();
    private FiresightApp app;

    @Start
    void start(Stage stage) {
        app = ComparisonWindowTest.startWindow(stage, dialogs, temp);
    }

    private ComparisonView compare(FxRobot robot, Path base, Path target) {
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(base, target), ViewKind.ALLOC));
        robot.interact(window::compareOpenTabs);
        return onlyComparison(robot, window);
    }

    @Test
    void theSameWorkRecordedTwiceIsMostlyNoise(FxRobot robot) {
        ComparisonView view = compare(robot, TestRecordings.halved(1.0), TestRecordings.halved(1.0, "again"));
        DiffFlameTree flame = fx(robot, () -> (DiffFlameTree) view.diffGraph().getFlameTree());
        int neutral = 0;
        for (int n = 1; n < flame.size(); n++) {
            boolean significant = flame.significant(n);
            assertTrue(significant || flame.color(n, ColorMode.KIND) == DiffPalette.NEUTRAL,
                    "a change within noise is drawn neutral: " + flame.name(n));
            neutral += significant ? 0 : 1;
        }
        assertTrue(neutral >= 0.9 * (flame.size() - 1), neutral + " of " + (flame.size() - 1) + " frames neutral");

        int all = fx(robot, () -> view.table().table().getItems().size());
        CheckBox hide = robot.lookup("#hide-noise").queryAs(CheckBox.class);
        robot.interact(() -> hide.setSelected(true));
        List<DiffMethods.Row> shown = fx(robot, () -> List.copyOf(view.table().table().getItems()));
        assertTrue(shown.stream().allMatch(DiffMethods.Row::significant), "only significant rows remain");
        assertTrue(shown.size() <= 0.1 * all, shown.size() + " of " + all + " methods shown");
        robot.interact(() -> hide.setSelected(false));
        assertEquals(all, (int) fx(robot, () -> view.table().table().getItems().size()), "unticking shows them all");
    }

    @Test
    void aRealChangeStaysColouredListedAndExported(FxRobot robot) throws Exception {
        ComparisonView view = compare(robot, TestRecordings.halved(0.5), TestRecordings.halved(1.0));
        DiffFlameTree flame = fx(robot, () -> (DiffFlameTree) view.diffGraph().getFlameTree());
        int halvable = node(flame, HALVABLE);
        assertTrue(flame.significant(halvable), flame.describe(halvable));
        int color = flame.color(halvable, ColorMode.KIND);
        assertNotEquals(DiffPalette.NEUTRAL, color);
        assertTrue(flame.describe(halvable).contains("significant (z = "), flame.describe(halvable));

        robot.interact(() -> robot.lookup("#hide-noise").queryAs(CheckBox.class).setSelected(true));
        assertTrue(fx(robot, () -> view.table().table().getItems().stream()
                .anyMatch(r -> r.name().equals(HALVABLE) && DiffTableView.interval(r).endsWith(" pts"))),
                "the doubled method is listed with its interval");

        Path svg = temp.resolve("diff.svg");
        robot.interact(() -> app.window().exportActions().exportTo(view.exportGraph(), ExportFormat.SVG, svg));
        String text = Files.readString(svg);
        assertTrue(text.contains(FrameColors.hex(color)), "the SVG draws the change in the window's colour");
        assertTrue(text.contains("within sampling noise") || text.contains(FrameColors.hex(DiffPalette.NEUTRAL)),
                "the SVG draws noise neutral");
    }
}
