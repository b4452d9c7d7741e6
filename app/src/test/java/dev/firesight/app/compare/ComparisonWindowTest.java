package dev.firesight.app.compare;

import dev.firesight.app.FiresightApp;
import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.app.window.FileDialogs;
import dev.firesight.app.window.MainWindowView;
import dev.firesight.app.window.RecentFiles;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.HalvedWorkload;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a comparison through the window's ways in, and linked navigation, on the halved pair. */
@ExtendWith(ApplicationExtension.class)
class ComparisonWindowTest {
    static final String STEADY = HalvedWorkload.frame("allocateSteady");
    static final String HALVABLE = HalvedWorkload.frame("allocateHalvable");
    /**
     * The halved pair is about allocations: its CPU view has a couple of dozen samples, which may or may
     * not land in these methods, so every comparison here is made in the allocation view.
     */
    static final ViewKind ALLOC = ViewKind.ALLOC;

    /** Dialog stand-ins: no file choosers, and a scripted answer to "Open or Compare?". */
    static final class Dialogs implements FileDialogs {
        boolean compareOnDrop;

        @Override
        public List<Path> chooseRecordings(Window owner) {
            return List.of();
        }

        @Override
        public Optional<Path> chooseExportTarget(Window owner, String description, String extension, String name) {
            return Optional.empty();
        }

        @Override
        public boolean chooseCompareOnDrop(Window owner, Path dropped, String openRecording) {
            return compareOnDrop;
        }

        /** The recording Compare Recordings picks from disk with one open, and the baseline it was asked for. */
        Path toCompare;
        String askedFor;

        @Override
        public Optional<Path> chooseRecordingToCompare(Window owner, String baseline) {
            askedFor = baseline;
            return Optional.ofNullable(toCompare);
        }

        /** What Compare Recordings offered as baselines, and which of them the test picks. */
        List<String> offeredBaselines;
        String baseline;

        @Override
        public Optional<String> chooseBaseline(Window owner, String target, List<String> recordings) {
            offeredBaselines = List.copyOf(recordings);
            return Optional.ofNullable(baseline);
        }
    }

    @TempDir
    Path temp;
    private final Dialogs dialogs = new Dialogs();
    private FiresightApp app;

    @Start
    void start(Stage stage) {
        app = startWindow(stage, dialogs, temp);
    }

    /** The real window on a synchronous runner, with these dialogs, opening recordings in the allocation view. */
    static FiresightApp startWindow(Stage stage, Dialogs dialogs, Path temp) {
        FiresightApp app = new FiresightApp(new SynchronousTaskRunner(), new RecentFiles(temp.resolve("recent")),
                dialogs, List.of("--view=alloc"));
        app.start(stage);
        return app;
    }

    static <T> T fx(FxRobot robot, Callable<T> action) {
        Object[] out = new Object[1];
        robot.interact(() -> {
            try {
                out[0] = action.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** The one comparison tab the window shows, selected. */
    static ComparisonView onlyComparison(FxRobot robot, MainWindowView window) {
        List<Tab> extra = fx(robot, window::extraTabs);
        assertEquals(1, extra.size(), "one comparison tab");
        Tab tab = extra.get(0);
        assertTrue(fx(robot, () -> window.tabPane().getSelectionModel().getSelectedItem() == tab),
                "the comparison tab is selected");
        return (ComparisonView) tab.getUserData();
    }

    /** Checks a comparison shows the halved pair's diff: the merged shape with both methods. */
    static void assertHalvedDiff(FxRobot robot, ComparisonView view) {
        DiffFlameTree flame = fx(robot, () -> (DiffFlameTree) view.diffGraph().getFlameTree());
        assertNotNull(flame, "the diff flame graph has a tree");
        assertTrue(node(flame, HALVABLE) > 0 && node(flame, STEADY) > 0);
        assertTrue(robot.lookup("#compare-diff-flame").query().isVisible());
        assertFalse(fx(robot, () -> view.table().table().getItems().isEmpty()), "the methods table is filled");
    }

    @Test
    void comparesTwoOpenTabsFromTheMenu(FxRobot robot) {
        Path base = TestRecordings.halved(1.0);
        Path target = TestRecordings.halved(0.5);
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(base, target), ALLOC));
        robot.interact(window::compareOpenTabs);
        ComparisonView view = onlyComparison(robot, window);
        assertHalvedDiff(robot, view);
        assertEquals(base.getFileName().toString(), view.viewModel().base().label());
        assertEquals(target.getFileName().toString(), view.viewModel().target().label());
        assertTrue(fx(robot, () -> view.diffGraph().getFlameTree().mark(node(view.diffGraph().getFlameTree(),
                HalvedWorkload.frame("onlyInBaseline"))) == FlameTree.Mark.VANISHED));

        // Selecting a row of the table highlights that method's frames in the diff flame graph.
        int row = fx(robot, () -> {
            var items = view.table().table().getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).name().equals(HALVABLE)) {
                    view.table().table().getSelectionModel().select(i);
                    return items.get(i).nameId();
                }
            }
            return -2;
        });
        assertEquals(row, fx(robot, () -> view.diffGraph().highlightedNameIdProperty().get()));

        // "By total" gives the callers their rows, under a header that says so; unticked, self again.
        String run = "dev.firesight.parser.testing.HalvedWorkload.run";
        java.util.function.Supplier<Boolean> listsRun = () -> view.table().table().getItems().stream()
                .anyMatch(r -> r.name().equals(run) && r.baseRaw() > 1_000_000);
        assertFalse(fx(robot, listsRun::get), "by self, run carries next to nothing");
        robot.clickOn("#diff-by-total");
        assertTrue(fx(robot, listsRun::get), "by total, run is a row with its bytes");
        assertEquals("Method (total)", fx(robot, () -> view.table().table().getColumns().get(0).getText()));
        robot.clickOn("#diff-by-total");
        assertFalse(fx(robot, listsRun::get));

        // Export from the comparison tab writes the diff: SVG through the shared renderer, collapsed with
        // both weight columns.
        Path svg = temp.resolve("diff.svg");
        Path collapsed = temp.resolve("diff.txt");
        robot.interact(() -> {
            window.exportActions().exportTo(view.exportGraph(), dev.firesight.app.export.ExportFormat.SVG, svg);
            window.exportActions().exportTo(view.exportGraph(), dev.firesight.app.export.ExportFormat.COLLAPSED,
                    collapsed);
        });
        assertTrue(read(svg).contains("Diff \u2014"), "a diff SVG");
        assertTrue(read(collapsed).lines().allMatch(l -> l.matches(".* \\d+ \\d+")), "two weight columns");
        assertTrue(view.exportName().startsWith("halved-1_00") && view.exportName().contains("-vs-halved-0_50"),
                view.exportName());
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** With one recording open, Compare Recordings asks for the other one on disk and opens it beside. */
    @Test
    void withOneRecordingOpenCompareAsksForTheOther(FxRobot robot) {
        compareOneOpenWith(robot, (window, target) -> {
            assertFalse(fx(robot, () -> ((javafx.scene.control.MenuBar) robot.lookup(".menu-bar").query()).getMenus()
                    .get(0).getItems().stream().filter(i -> "menu-compare".equals(i.getId())).findFirst().orElseThrow()
                    .isDisable()), "offered with one recording open");
            dialogs.toCompare = target;
            robot.interact(window::compareOpenTabs);
            assertEquals(TestRecordings.halved(1.0).getFileName().toString(), dialogs.askedFor);
        });
    }

    @Test
    void dropOntoAnOpenRecordingOffersCompare(FxRobot robot) {
        compareOneOpenWith(robot, (window, target) -> {
            dialogs.compareOnDrop = true;
            assertTrue(fx(robot, () -> window.dropSupport().drop(List.of(target))));
        });
    }

    /**
     * Opens the baseline alone, lets {@code compare} bring in the target, and checks the comparison of the two, with
     * the target open in its own tab too.
     */
    private void compareOneOpenWith(FxRobot robot, java.util.function.BiConsumer<MainWindowView, Path> compare) {
        Path base = TestRecordings.halved(1.0);
        Path target = TestRecordings.halved(0.5);
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(base), ALLOC));
        compare.accept(window, target);
        ComparisonView view = onlyComparison(robot, window);
        assertHalvedDiff(robot, view);
        assertEquals(2, fx(robot, () -> window.viewModel().tabs().size()), "the other recording opened too");
        assertEquals(base.getFileName().toString(), view.viewModel().base().label());
        assertEquals(target.getFileName().toString(), view.viewModel().target().label());
    }

    @Test
    void zoomingOneSideZoomsTheOtherUntilUnlinked(FxRobot robot) {
        MainWindowView window = app.window();
        robot.interact(() -> window.viewModel().openFiles(List.of(TestRecordings.halved(1.0),
                TestRecordings.halved(0.5)), ALLOC));
        robot.interact(window::compareOpenTabs);
        ComparisonView view = onlyComparison(robot, window);
        robot.clickOn("#compare-mode-side");
        assertTrue(robot.lookup("#compare-base-flame").query().isVisible());
        assertTrue(robot.lookup("#compare-target-flame").query().isVisible());
        FlameGraph left = view.baseGraph();
        FlameGraph right = view.targetGraph();

        robot.interact(() -> left.zoomTo(node(left.getFlameTree(), STEADY)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoomedNames(robot, left).length, zoomedNames(robot, right).length, "the target followed the zoom");
        assertEquals(STEADY, last(zoomedNames(robot, right)));

        // The other way round.
        robot.interact(() -> right.zoomTo(node(right.getFlameTree(), HALVABLE)));
        assertEquals(HALVABLE, last(zoomedNames(robot, left)), "the baseline followed");

        // Search applies to both sides.
        robot.clickOn("#compare-search").write("Steady");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(robot, () -> right.searchState().matchCount() > 0));
        assertTrue(fx(robot, () -> left.searchState().matchCount() > 0));

        ToggleButton link = robot.lookup("#compare-link").queryAs(ToggleButton.class);
        assertTrue(link.isSelected());
        robot.clickOn(link);
        assertFalse(fx(robot, () -> view.link().linkedProperty().get()), "unlinked");
        String[] before = zoomedNames(robot, right);
        robot.interact(() -> left.zoomTo(node(left.getFlameTree(), STEADY)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(STEADY, last(zoomedNames(robot, left)));
        assertArrayEquals(before, zoomedNames(robot, right), "unlinked, the other side stays");
    }

    @Test
    void timelineComparesTheSelectionWithTheRest(FxRobot robot) {
        MainWindowView window = app.window();
        dev.firesight.app.timeline.RecordingTimeline timeline = openWithTimeline(robot, window);
        var info = fx(robot, () -> window.viewModel().tabs().get(0).profileProperty().get().info());
        long start = info.startNanos();
        long cut = start + info.durationNanos() / 2;
        robot.interact(() -> {
            timeline.setSelection(new dev.firesight.parser.query.TimeRange(start, cut));
            timeline.compareWithRest();
        });
        ComparisonView view = onlyComparison(robot, window);
        assertTrue(view.viewModel().base().label().endsWith("(the rest)"), view.viewModel().base().label());
        assertTrue(view.viewModel().target().query().hasRange());
        DiffFlameTree flame = fx(robot, () -> (DiffFlameTree) view.diffGraph().getFlameTree());
        assertNotNull(flame);
        long whole = fx(robot, () -> window.viewModel().tabs().get(0).profileProperty().get()
                .samples(view.viewModel().base().query().view()).totalWeight());
        assertEquals(whole, flame.diff().baseTotal(0) + flame.diff().targetTotal(0),
                "the selection and the rest add up to the recording");
    }

    @Test
    void timelineComparesTwoRanges(FxRobot robot) {
        MainWindowView window = app.window();
        dev.firesight.app.timeline.RecordingTimeline timeline = openWithTimeline(robot, window);
        var info = fx(robot, () -> window.viewModel().tabs().get(0).profileProperty().get().info());
        long start = info.startNanos();
        long third = info.durationNanos() / 3;
        robot.interact(() -> {
            timeline.setSelection(new dev.firesight.parser.query.TimeRange(start, start + third));
            timeline.markBaseline();
            timeline.setSelection(new dev.firesight.parser.query.TimeRange(start + 2 * third, start + 3 * third));
        });
        robot.clickOn("Compare with baseline");
        ComparisonView view = onlyComparison(robot, window);
        assertEquals(start, view.viewModel().base().query().fromNanos(), "the baseline is the marked range");
        assertEquals(start + 2 * third, view.viewModel().target().query().fromNanos(), "the target is the selection");
        DiffFlameTree flame = fx(robot, () -> (DiffFlameTree) view.diffGraph().getFlameTree());
        var profile = fx(robot, () -> window.viewModel().tabs().get(0).profileProperty().get());
        var viewKind = view.viewModel().base().query().view();
        long inBase = dev.firesight.parser.query.StackWeights.compute(profile, view.viewModel().base().query(),
                () -> false).total();
        assertEquals(inBase, flame.diff().baseTotal(0), "baseline column is the marked range's weight");
        assertTrue(profile.has(viewKind));
    }

    /** Opens the baseline recording and returns its tab's timeline. */
    private static dev.firesight.app.timeline.RecordingTimeline openWithTimeline(FxRobot robot, MainWindowView window) {
        robot.interact(() -> window.viewModel().openFiles(List.of(TestRecordings.halved(1.0)), ALLOC));
        return robot.lookup(n -> n instanceof dev.firesight.app.timeline.RecordingTimeline)
                .queryAs(dev.firesight.app.timeline.RecordingTimeline.class);
    }

    private static String[] zoomedNames(FxRobot robot, FlameGraph g) {
        return fx(robot, () -> g.getFlameTree().path(g.getZoomNode()));
    }

    private static String last(String[] a) {
        return a.length == 0 ? "all" : a[a.length - 1];
    }

    static int node(FlameTree t, String name) {
        for (int n = 1; n < t.size(); n++) {
            if (t.name(n).equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + Arrays.toString(t.path(1)));
    }
}
