package dev.firesight.app.compare;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.window.MainWindowView;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
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
import static dev.firesight.app.compare.ComparisonWindowTest.HALVABLE;
import static dev.firesight.app.compare.ComparisonWindowTest.STEADY;
import static dev.firesight.app.compare.ComparisonWindowTest.fx;
import static dev.firesight.app.compare.ComparisonWindowTest.onlyComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison tab has the main tab's search, with its rule and controls: a case-insensitive regular
 * expression by default, plain-text and match-case toggles, and Enter stepping from the heaviest match down,
 * on the diff and on both sides, for the halved pair of real recordings.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonSearchTest {
    @TempDir
    Path temp;
    private FiresightApp app;
    private ComparisonView view;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        app = ComparisonWindowTest.startWindow(stage, new ComparisonWindowTest.Dialogs(), temp);
    }

    @BeforeEach
    void compare(FxRobot robot) {
        this.robot = robot;
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(TestRecordings.halved(1.0),
                TestRecordings.halved(0.5)), ALLOC));
        robot.interact(window::compareOpenTabs);
        view = onlyComparison(robot, window);
    }

    @Test
    void aRegularExpressionIgnoringCaseMarksBothMethodsInTheDiff() {
        FlameGraph diff = view.diffGraph();
        FrameSearch s = search("halvedworkload\\.allocate(steady|halvable)");
        assertTrue(s.matchCount() >= 2, "both methods match");
        for (int node : s.matches()) {
            String name = diff.getFlameTree().name(node);
            assertTrue(name.equals(STEADY) || name.equals(HALVABLE), name);
        }
        assertTrue(matchedText().contains("matched"), matchedText());

        robot.clickOn("#compare-search-case");
        assertEquals("no match", matchedText(), "with match case the lower-case text matches nothing");
        robot.clickOn("#compare-search-case");
        robot.clickOn("#compare-search-plain");
        assertEquals("no match", matchedText(), "as plain text the parentheses are literal");
        robot.clickOn("#compare-search-plain");
        assertEquals(s.matchCount(), (int) fx(robot, () -> diff.searchState().matchCount()));
    }

    @Test
    void enterStepsThroughTheDiffHeaviestFirst() {
        FlameGraph diff = view.diffGraph();
        FrameSearch s = search("allocate");
        assertTrue(s.matchCount() >= 2);
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < s.matchCount(); i++) {
            robot.type(KeyCode.ENTER);
            int node = fx(robot, () -> diff.currentMatchProperty().get());
            double weight = fx(robot, () -> diff.getFlameTree().weight(node));
            assertTrue(weight <= previous, "match " + i + " is no heavier than the one before");
            previous = weight;
        }
    }

    @Test
    void sideBySideBothCapturesAreSearchedAndNextStepsTheBaseline() {
        robot.clickOn("#compare-mode-side");
        robot.clickOn("#compare-search").write("allocateSteady");
        WaitForAsyncUtils.waitForFxEvents();
        FlameGraph base = view.baseGraph();
        FlameGraph target = view.targetGraph();
        assertTrue(fx(robot, () -> base.searchState().isFor(base.getFlameTree())
                && base.searchState().matchCount() > 0));
        assertTrue(fx(robot, () -> target.searchState().isFor(target.getFlameTree())
                && target.searchState().matchCount() > 0));
        robot.clickOn("#compare-search-next");
        int node = fx(robot, () -> base.currentMatchProperty().get());
        assertEquals(STEADY, fx(robot, () -> base.getFlameTree().name(node)));
        assertEquals(STEADY, fx(robot, () -> target.getFlameTree().name(target.selectedNodeProperty().get())),
                "the linked target selects the same frame");
        int baseMatches = fx(robot, () -> base.searchState().matchCount());
        assertTrue(matchedText().startsWith("1 of " + baseMatches + " \u00b7"),
                "the place among the baseline's matches, which Next steps through: " + matchedText());
    }

    /** Types into the comparison's search field; the diff graph's search once it has run. */
    private FrameSearch search(String text) {
        robot.clickOn("#compare-search").write(text);
        WaitForAsyncUtils.waitForFxEvents();
        return fx(robot, view.diffGraph()::searchState);
    }

    private String matchedText() {
        return robot.lookup("#compare-search-matched").queryAs(Label.class).getText();
    }
}
