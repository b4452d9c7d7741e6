package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.search.SearchBar;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import java.util.Locale;
import java.util.function.Predicate;

import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main tab's search, as a user types it on a real recording: a regular expression by default (so
 * {@code Workload\.compute.*} matches, which the old quoting broke), plain-text and match-case toggles,
 * the matched share as the model counts it, and Enter stepping from the heaviest match down.
 */
@ExtendWith(ApplicationExtension.class)
class MainTabSearchTest {
    private static final Path RECORDING = TestRecordings.jdk17();

    @TempDir
    Path temp;

    private WindowTestSupport support;
    private RecordingTabView tab;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @BeforeEach
    void open(FxRobot robot) {
        this.robot = robot;
        fxRun(robot, () -> support.vm().openFiles(List.of(RECORDING)));
        tab = support.window().selectedTab();
        assertEquals(RecordingTabViewModel.State.READY, tab.viewModel().stateProperty().get());
    }

    @Test
    void ctrlFTakesARegularExpressionAndReportsTheShareOfTheModel(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#search").query();
        assertTrue(search.isFocused(), "Ctrl+F focuses the search field");
        robot.write("Workload\\.compute.*");
        WaitForAsyncUtils.waitForFxEvents();

        long matched = weightOfStacksWith(name -> name.contains("Workload.compute"));
        assertTrue(matched > 0);
        assertEquals(matched, (long) flame().searchState().matchedWeight());
        int frames = flame().searchState().matchCount();
        assertEquals(String.format(Locale.ROOT, "%.2f%% matched in %d frame%s", 100.0 * matched / total(), frames,
                frames == 1 ? "" : "s"), matchedText());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(flame().currentMatchProperty().get() > 0, "Enter moves to the first match");
        assertEquals(String.format(Locale.ROOT, "1 of %d \u00b7 %.2f%% matched", frames, 100.0 * matched / total()),
                matchedText(), "and says where it stands");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(matchedText().startsWith(frames + " of " + frames + " \u00b7"), "Shift+Enter wraps to the last: "
                + matchedText());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", search.getText(), "Esc clears the search");
        assertEquals("", matchedText());
        assertTrue(flame().searchState().isEmpty());
    }

    @Test
    void plainTextAndMatchCaseAreToggles(FxRobot robot) {
        robot.clickOn("#search").write("Workload\\.compute.*");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(matchedText().contains("matched"), matchedText());

        assertFalse(robot.lookup("#search-next").queryButton().isDisabled());
        robot.clickOn("#search-plain");
        assertEquals("no match", matchedText(), "taken literally, the backslash and star match nothing");
        assertTrue(robot.lookup("#search-next").queryButton().isDisabled(), "nothing to step through");
        assertTrue(robot.lookup("#search-previous").queryButton().isDisabled());
        fxRun(robot, () -> tab.viewModel().searchTextProperty().set("Workload.computeHashes"));
        assertTrue(matchedText().contains("matched"), "plain text matches the name as written");
        robot.clickOn("#search-plain");

        fxRun(robot, () -> tab.viewModel().searchTextProperty().set("workload\\.COMPUTE"));
        long ignoringCase = (long) flame().searchState().matchedWeight();
        assertEquals(weightOfStacksWith(name -> name.contains("Workload.compute")), ignoringCase,
                "case is ignored by default");
        robot.clickOn("#search-case");
        assertEquals("no match", matchedText());
        robot.clickOn("#search-case");
        assertEquals(ignoringCase, (long) flame().searchState().matchedWeight());
    }

    @Test
    void anInvalidExpressionIsMarkedAndMatchesNothing(FxRobot robot) {
        robot.clickOn("#search").write("Workload\\.(");
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#search").query();
        assertEquals("invalid regex", matchedText());
        assertTrue(search.getPseudoClassStates().contains(SearchBar.INVALID));
        assertTrue(search.getTooltip().getText().contains("is not a valid regular expression"),
                search.getTooltip().getText());
        assertTrue(flame().searchState().isEmpty());
        robot.clickOn("#search-plain");
        assertEquals("no match", matchedText(), "as plain text it is fine, though nothing is called that");
        assertFalse(search.getPseudoClassStates().contains(SearchBar.INVALID));
    }

    @Test
    void enterStepsFromTheHeaviestMatchDownAndShiftEnterBack(FxRobot robot) {
        robot.clickOn("#search").write("Workload");
        WaitForAsyncUtils.waitForFxEvents();
        FrameSearch s = flame().searchState();
        assertTrue(s.matchCount() > 2);
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < s.matchCount(); i++) {
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            int node = flame().currentMatchProperty().get();
            assertTrue(s.matches(node));
            double weight = flame().getFlameTree().weight(node);
            assertTrue(weight <= previous, "match " + i + " is no heavier than the one before");
            previous = weight;
            assertEquals(node, flame().selectedNodeProperty().get(), "the match is selected (and scrolled to)");
        }
        assertEquals(s.match(s.matchCount() - 1), flame().currentMatchProperty().get());
        robot.type(KeyCode.ENTER);
        assertEquals(s.match(0), flame().currentMatchProperty().get(), "after the lightest, the heaviest again");
        robot.press(KeyCode.SHIFT).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(s.match(s.matchCount() - 1), flame().currentMatchProperty().get(), "Shift+Enter goes back");
        robot.clickOn("#search-previous");
        assertEquals(s.match(s.matchCount() - 2), flame().currentMatchProperty().get());
        robot.clickOn("#search-next");
        assertEquals(s.match(s.matchCount() - 1), flame().currentMatchProperty().get());
    }

    @Test
    void theSearchFollowsANewViewOfTheRecording(FxRobot robot) {
        robot.clickOn("#search").write("Workload");
        WaitForAsyncUtils.waitForFxEvents();
        double cpu = flame().searchState().matchedWeight();
        fxRun(robot, () -> tab.viewModel().viewProperty().set(ViewKind.ALLOC));
        FrameSearch alloc = flame().searchState();
        assertTrue(alloc.isFor(flame().getFlameTree()), "the search was run again on the allocation tree");
        assertTrue(alloc.matchedWeight() > 0 && alloc.matchedWeight() != cpu);
    }

    private FlameGraph flame() {
        return tab.flameGraph();
    }

    /**
     * In a narrow window the search bar moves whole to a row of its own, where what it matched can be read: at the
     * window's edge it was cut off, buttons and all.
     */
    @Test
    void inANarrowWindowTheSearchBarTakesARowOfItsOwn(FxRobot robot) {
        javafx.scene.Node bar = robot.lookup("#search").queryAs(TextField.class).getParent();
        javafx.stage.Window window = bar.getScene().getWindow();
        double wide = window.getWidth();
        Label matched = robot.lookup("#search-matched").queryAs(Label.class);
        robot.clickOn("#search").write("Workload");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(matchedText().startsWith("1 of "), matchedText());
        double oneRowY = bar.localToScene(bar.getBoundsInLocal()).getMinY();
        try {
            fxRun(robot, () -> window.setWidth(900));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds b = matched.localToScene(matched.getBoundsInLocal());
            assertTrue(b.getMaxX() <= bar.getScene().getWidth() && b.getWidth() >= matched.prefWidth(-1) - 1,
                    "the matched text is whole and inside the window: " + b);
            assertTrue(bar.localToScene(bar.getBoundsInLocal()).getMinY() > oneRowY, "on the row below the tools");
            fxRun(robot, () -> window.setWidth(wide));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(oneRowY, bar.localToScene(bar.getBoundsInLocal()).getMinY(), 0.5, "and back beside them");
        } finally {
            fxRun(robot, () -> window.setWidth(wide));
        }
    }

    private String matchedText() {
        return robot.lookup("#search-matched").queryAs(Label.class).getText();
    }

    private static long total() throws Exception {
        return StackWeights.compute(Recordings.open(RECORDING), ProfileQuery.of(ViewKind.CPU), () -> false).total();
    }

    /** Counted from the model without the search: the CPU weight of stacks with a frame the test names. */
    private static long weightOfStacksWith(Predicate<String> frame) {
        try {
            Profile model = Recordings.open(RECORDING);
            StackWeights weights = StackWeights.compute(model, ProfileQuery.of(ViewKind.CPU), () -> false);
            StackTable stacks = model.stacks();
            FrameTable frames = model.frames();
            long matched = 0;
            for (int i = 0; i < weights.size(); i++) {
                int s = weights.stack(i);
                for (int d = 0; d < stacks.depth(s); d++) {
                    if (frame.test(frames.name(stacks.frame(s, d)))) {
                        matched += weights.weight(i);
                        break;
                    }
                }
            }
            return matched;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
