package dev.firesight.app.compare;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.window.MainWindowView;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static dev.firesight.app.compare.ComparisonWindowTest.ALLOC;
import static dev.firesight.app.compare.ComparisonWindowTest.fx;
import static dev.firesight.app.compare.ComparisonWindowTest.onlyComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 6: comparing two tabs compares the whole recordings, never a time selection left in a tab;
 * the comparison tab says which view, files and ranges it compares and lets the user change the view; the
 * status bar describes the comparison shown.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonScopeTest {
    private static final Path BASE = TestRecordings.halved(1.0);
    private static final Path TARGET = TestRecordings.halved(0.5);

    @TempDir
    Path temp;
    private final ComparisonWindowTest.Dialogs dialogs = new ComparisonWindowTest.Dialogs();
    private FiresightApp app;

    @Start
    void start(Stage stage) {
        app = ComparisonWindowTest.startWindow(stage, dialogs, temp);
    }

    @Test
    void comparingTabsIgnoresAnOldTimeSelectionAndSaysWhatItCompares(FxRobot robot) {
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(BASE, TARGET), ALLOC));
        WaitForAsyncUtils.waitForFxEvents();
        RecordingTabViewModel target = window.viewModel().tabs().get(1);
        Profile targetProfile = target.profileProperty().get();
        long start = targetProfile.info().startNanos();
        // An old selection in the target's tab: its first half.
        robot.interact(() -> target.timeRangeProperty().set(new TimeRange(start,
                start + (targetProfile.info().endNanos() - start) / 2)));
        robot.interact(() -> window.viewModel().selectedProperty().set(window.viewModel().tabs().get(0)));
        robot.interact(window::compareOpenTabs);
        ComparisonView view = onlyComparison(robot, window);
        ComparisonViewModel vm = view.viewModel();
        assertFalse(vm.base().query().hasRange(), "the whole baseline");
        assertFalse(vm.target().query().hasRange(), "the whole target, not the selection left in its tab");
        long whole = dev.firesight.parser.query.StackWeights.compute(targetProfile, ProfileQuery.of(ALLOC),
                () -> false).total();
        assertEquals((double) whole, fx(robot, () -> vm.targetFlameProperty().get().total()), 0.5,
                "the target side weighs the whole");

        Label description = robot.lookup("#compare-description").query();
        String text = fx(robot, description::getText);
        assertTrue(text.contains(ALLOC.title()), text);
        assertTrue(text.contains("Baseline " + BASE.getFileName() + ", whole recording ("), text);
        assertTrue(text.contains("Target " + TARGET.getFileName() + ", whole recording ("), text);
        assertTrue(text.matches(".*\\(0\\.0\u2013\\d+\\.\\d s\\).*"), "the time each side covers: " + text);

        Label status = robot.lookup("#status-file").query();
        assertEquals("Comparing " + text, fx(robot, status::getText), "the status bar describes the comparison");

        // The view: only views both recordings have, and choosing another compares again.
        List<ViewKind> views = fx(robot, () -> List.copyOf(vm.views()));
        assertTrue(views.contains(ALLOC) && views.size() > 1, views.toString());
        ViewKind other = views.stream().filter(v -> v != ALLOC).findFirst().orElseThrow();
        assertTrue(views.stream().allMatch(v -> vm.base().profile().has(v) && vm.target().profile().has(v)));
        var before = fx(robot, () -> vm.diffFlameProperty().get());
        @SuppressWarnings("unchecked")
        ChoiceBox<ViewKind> chooser = robot.lookup("#compare-view").queryAs(ChoiceBox.class);
        robot.interact(() -> chooser.setValue(other));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(other, vm.base().query().view());
        assertEquals(other, vm.target().query().view());
        assertNotSame(before, fx(robot, () -> vm.diffFlameProperty().get()), "compared again");
        long otherTotal = DiffTreeBuilder.build(vm.base(), vm.target(), () -> false).baseTotal(0);
        assertEquals(otherTotal, fx(robot, () -> vm.diffFlameProperty().get().diff().baseTotal(0)));
        String after = fx(robot, status::getText);
        assertTrue(after.startsWith("Comparing " + other.title()), after);

        // Back on a recording's tab, the status bar describes that recording again.
        robot.interact(() -> window.tabPane().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BASE.toAbsolutePath().normalize().toString(), fx(robot, status::getText));
    }
}
