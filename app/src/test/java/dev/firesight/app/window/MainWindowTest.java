package dev.firesight.app.window;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.FlameGraphSkin;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.testing.Workload;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TextField;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path temp;

    private WindowTestSupport support;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @Test
    void emptyStateShowsWithNoTab(FxRobot robot) {
        assertTrue(robot.lookup("#empty-state").query().isVisible());
        assertFalse(robot.lookup("#recordings").query().isVisible());
        assertTrue(robot.lookup("#empty-open").query().isVisible());
        assertFalse(robot.lookup("#empty-attach").query().isDisabled(), "attach is wired through the constructor");
        assertEquals("Firesight", robot.window(0).getScene().getWindow() instanceof Stage s ? s.getTitle() : null);
    }

    @Test
    void opensARealRecordingInATab(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        fxRun(robot, () -> support.vm().openFiles(List.of(recording)));
        RecordingTabViewModel tab = support.vm().selectedProperty().get();
        assertNotNull(tab);
        assertEquals(RecordingTabViewModel.State.READY, tab.stateProperty().get(), tab.messageProperty().get());
        assertEquals(1, support.window().tabPane().getTabs().size());
        assertFalse(robot.lookup("#empty-state").query().isVisible());
        assertTrue(robot.lookup("#recordings").query().isVisible());

        Profile model = Recordings.open(recording);
        long total = StackWeights.compute(model, ProfileQuery.of(ViewKind.CPU), () -> false).total();
        assertEquals(ViewKind.CPU, tab.viewProperty().get());
        assertEquals(total, support.window().selectedTab().flameGraph().getTree().total());
        Label status = robot.lookup("#status-total").query();
        assertTrue(status.getText().contains(dev.firesight.app.format.Units.weight(total, ViewKind.Unit.SAMPLES)),
                status.getText());
        assertTrue(((Stage) robot.window(0)).getTitle().startsWith(recording.getFileName().toString()));
        assertFalse(support.window().selectedTab().banner().isVisible(), "an intact recording shows no damage banner");
    }

    private RecordingTabView open(FxRobot robot, Path recording) {
        return support.open(robot, recording);
    }

    @Test
    void clickingAFrameZoomsToIt(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        FlameGraph flame = tab.flameGraph();
        fxRun(robot, () -> tab.viewModel().icicleProperty().set(true));
        Node canvas = robot.lookup("." + FlameGraph.CANVAS_STYLE_CLASS).query();
        FlameGraphSkin skin = (FlameGraphSkin) flame.getSkin();
        double y = 2.5 * 18; // row 2 of an icicle, rows being 18 px high
        double x = -1;
        int node = -1;
        double bestRun = 0;
        double runStart = 0;
        int runNode = -1;
        double width = canvas.getLayoutBounds().getWidth();
        for (double px = 1; px <= width; px += 1) {
            int n = px < width ? skin.nodeAt(px, y) : -1;
            if (n != runNode) {
                if (runNode > 0 && flame.getTree().depth(runNode) == 2 && px - runStart > bestRun) {
                    bestRun = px - runStart;
                    node = runNode;
                    x = (runStart + px) / 2;
                }
                runNode = n;
                runStart = px;
            }
        }
        assertTrue(node > 0, "no frame found at depth 2");
        Point2D screen = canvas.localToScreen(x, y);
        robot.clickOn(screen);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(node, flame.getZoomNode());
        assertArrayEquals(flame.getTree().pathIds(node), tab.viewModel().zoomPathProperty().get());

        robot.clickOn(canvas.localToScreen(4, y));
        robot.type(KeyCode.ESCAPE);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tab.viewModel().zoomPathProperty().get().length, "Esc resets the zoom");
    }

    @Test
    void switchingViewKeepsZoomAndSelectedMethod(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        RecordingTabView tab = open(robot, recording);
        RecordingTabViewModel vm = tab.viewModel();
        assertTrue(vm.views().contains(ViewKind.ALLOC), "the workload allocates");
        Profile model = Recordings.open(recording);
        CallTree alloc = CallTreeBuilder.build(model, ProfileQuery.of(ViewKind.ALLOC));
        CallTree cpu = tab.flameGraph().getTree();
        int best = -1;
        for (int n = 1; n < cpu.size(); n++) {
            if (alloc.find(cpu.pathIds(n)) != CallTree.NONE && (best < 0 || cpu.depth(n) > cpu.depth(best))) {
                best = n;
            }
        }
        assertTrue(best > 0, "some frame is in both views");
        int[] path = cpu.pathIds(best);
        int method = cpu.nameId(best);
        int zoom = best;
        fxRun(robot, () -> {
            tab.flameGraph().zoomTo(zoom);
            vm.selectedMethodProperty().set(method);
        });

        robot.clickOn("#view-selector");
        robot.clickOn(ViewKind.ALLOC.title());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ViewKind.ALLOC, vm.viewProperty().get());
        assertEquals(ViewKind.ALLOC, tab.flameGraph().getTree().view());
        assertArrayEquals(path, vm.zoomPathProperty().get());
        assertNotEquals(CallTree.NONE, alloc.find(path));
        // the window's tree holds what it can draw zoomed there, so its node ids are its own: compare the frame path
        assertArrayEquals(path, tab.flameGraph().getTree().pathIds(tab.flameGraph().getZoomNode()));
        assertEquals(method, vm.selectedMethodProperty().get());
        assertEquals(method, tab.flameGraph().highlightedNameIdProperty().get());
    }

    @Test
    void threadFilterChangesTotalsToTheModel(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        RecordingTabView tab = open(robot, recording);
        Profile model = Recordings.open(recording);
        int cpuThread = -1;
        for (int t = 0; t < model.threadCount(); t++) {
            if (model.threadName(t).equals(Workload.CPU_THREAD)) {
                cpuThread = t;
            }
        }
        assertTrue(cpuThread >= 0);
        BitSet only = new BitSet();
        only.set(cpuThread);
        long expected = StackWeights.compute(model, ProfileQuery.of(ViewKind.CPU).withThreads(only), () -> false)
                .total();
        long all = StackWeights.compute(model, ProfileQuery.of(ViewKind.CPU), () -> false).total();
        assertTrue(expected < all);

        ThreadFilterView filter = tab.toolBar().threadFilter();
        robot.clickOn("#thread-filter");
        robot.clickOn("#thread-search").write(Workload.CPU_THREAD);
        robot.clickOn("#threads-all");
        fxRun(robot, () -> {
            filter.setSearchText("");
            filter.setShown(false);
            filter.items().stream().filter(i -> i.name().equals(Workload.CPU_THREAD)).forEach(i -> i.selectedProperty().set(true));
        });
        robot.type(KeyCode.ESCAPE);
        assertEquals(only, tab.viewModel().threadsProperty().get());
        assertEquals(expected, tab.flameGraph().getTree().total());
        Label total = robot.lookup("#status-total").query();
        assertTrue(total.getText().endsWith(dev.firesight.app.format.Units.weight(expected, ViewKind.Unit.SAMPLES)),
                total.getText());

        fxRun(robot, () -> tab.viewModel().viewProperty().set(ViewKind.ALLOC));
        long allocExpected = StackWeights.compute(model, ProfileQuery.of(ViewKind.ALLOC).withThreads(only),
                () -> false).total();
        assertEquals(allocExpected, tab.flameGraph().getTree().total(), "the thread filter applies to every view");
    }

    @Test
    void hotMethodsSelectionHighlightsFramesAndShowsCallers(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        HotMethodsView hot = tab.hotMethods();
        robot.clickOn("#method-filter").write("computeHashes");
        assertEquals(1, hot.table().getItems().size());
        MethodRow row = hot.table().getItems().get(0);
        assertEquals(Workload.frame("computeHashes"), row.name());
        fxRun(robot, () -> hot.table().getSelectionModel().select(0));
        assertEquals(row.nameId(), tab.flameGraph().highlightedNameIdProperty().get());
        assertFalse(hot.callersTable().getItems().isEmpty());
        assertEquals(Workload.frame("burnCpu"), hot.callersTable().getItems().get(0).name());
        assertEquals(row.total(), hot.callersTable().getItems().get(0).total());
        // computeHashes is not recursive, so every stack through it has exactly one callee (or none: "self")
        assertEquals(row.total(), hot.calleesTable().getItems().stream().mapToLong(MethodRow::total).sum());
        long self = hot.calleesTable().getItems().stream().filter(r -> r.nameId() == dev.firesight.parser.query.Butterfly.NONE)
                .mapToLong(MethodRow::total).sum();
        assertEquals(row.self(), self, "the (self) callee is the method's self weight");
    }

    @Test
    void dragAndDropOpensRecordings(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        Path text = Files.writeString(temp.resolve("notes.txt"), "not a recording");
        DropSupport drop = support.window().dropSupport();
        Node root = support.window().root();
        assertFalse(fx(robot, () -> drop.dragOver(List.of(text))), "a text file is refused");
        assertFalse(root.getPseudoClassStates().contains(DropSupport.DROP_TARGET));
        assertTrue(fx(robot, () -> drop.dragOver(List.of(text, recording))));
        assertTrue(root.getPseudoClassStates().contains(DropSupport.DROP_TARGET), "the overlay shows");
        assertEquals(1.0, robot.lookup("#drop-overlay").query().getOpacity());
        fxRun(robot, drop::dragExited);
        assertFalse(root.getPseudoClassStates().contains(DropSupport.DROP_TARGET));

        javafx.scene.input.DragEvent over = new javafx.scene.input.DragEvent(javafx.scene.input.DragEvent.DRAG_OVER,
                null, 10, 10, 10, 10, javafx.scene.input.TransferMode.COPY, null, null, null);
        fxRun(robot, () -> drop.handleDragOver(over));
        assertFalse(root.getPseudoClassStates().contains(DropSupport.DROP_TARGET), "no files, no overlay");

        assertTrue(fx(robot, () -> drop.drop(List.of(recording, text))));
        assertEquals(1, support.vm().tabs().size(), "only the recording opens");
        assertEquals(RecordingTabViewModel.State.READY, support.vm().tabs().get(0).stateProperty().get());
    }

    @Test
    void damagedFileShowsWhatLoadedAndABanner(FxRobot robot) throws Exception {
        Path damaged = WindowTestSupport.truncatedCopy(TestRecordings.jdk17(), 0.5, temp);
        fxRun(robot, () -> support.vm().openFiles(List.of(damaged)));
        RecordingTabView tab = support.window().selectedTab();
        RecordingTabViewModel vm = tab.viewModel();
        if (vm.stateProperty().get() == RecordingTabViewModel.State.READY) {
            assertFalse(vm.warnings().isEmpty());
            assertTrue(tab.banner().isVisible());
            assertTrue(tab.banner().getText().contains(vm.warnings().get(0).text()), tab.banner().getText());
            // each kind once in the banner (as the terminal says it), every warning in its tooltip
            assertTrue(tab.banner().getText().endsWith(String.join(" ", dev.firesight.parser.Warning.grouped(vm.warnings()))));
            for (dev.firesight.parser.Warning w : vm.warnings()) {
                assertTrue(tab.banner().getTooltip().getText().contains(w.text()), w.text());
            }
            assertTrue(tab.flameGraph().getTree().total() > 0, "what loaded is shown");
        } else {
            Label error = robot.lookup("#tab-error").query();
            assertTrue(error.isVisible());
            assertFalse(error.getText().contains("Exception"), error.getText());
        }
    }

    @Test
    void unreadableFileSaysSoInItsTab(FxRobot robot) throws Exception {
        Path junk = Files.writeString(temp.resolve("junk.jfr"), "this is not a flight recording at all");
        fxRun(robot, () -> support.vm().openFiles(List.of(junk)));
        RecordingTabViewModel vm = support.vm().selectedProperty().get();
        assertEquals(RecordingTabViewModel.State.FAILED, vm.stateProperty().get());
        Label error = robot.lookup("#tab-error").query();
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("junk.jfr"), error.getText());
        assertFalse(error.getText().contains("\tat "), error.getText());
    }

    @Test
    void openDialogRecentFilesAndCloseTab(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        support.dialogs.nextRecordings.add(recording);
        robot.clickOn("#empty-open");
        assertEquals(1, support.vm().tabs().size());
        assertEquals(List.of(recording.toAbsolutePath().normalize()), support.vm().recentFiles());
        assertEquals(List.of(recording.toAbsolutePath().normalize().toString()),
                Files.readAllLines(support.recentStore), "recent files survive a restart");
        assertEquals(recording.toAbsolutePath().normalize(), new RecentFiles(support.recentStore).read().get(0));

        robot.press(KeyCode.CONTROL).press(KeyCode.W).release(KeyCode.W).release(KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(support.vm().tabs().isEmpty(), "Ctrl+W closes the tab");
        assertTrue(robot.lookup("#empty-state").query().isVisible());
    }

    @Test
    void exportsCollapsedStacksOfTheCurrentView(FxRobot robot) throws Exception {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        Path target = temp.resolve("export.txt");
        support.dialogs.nextExportTarget = target;
        fxRun(robot, () -> support.window().export(ExportFormat.COLLAPSED));
        java.util.Map<String, Long> expected = dev.firesight.parser.query.Collapsed.toMap(tab.flameGraph().getTree());
        long sum = 0;
        for (String line : Files.readAllLines(target)) {
            sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertEquals(tab.flameGraph().getTree().total(), sum);
        assertFalse(expected.isEmpty());
        assertTrue(support.window().noticeLabel().getText().startsWith("Exported"));
    }

    @Test
    void exportsSvgOfTheZoomedSearchedView(FxRobot robot) throws Exception {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        fxRun(robot, () -> {
            tab.viewModel().searchTextProperty().set("computeHashes");
            tab.flameGraph().nextMatch();
        });
        Path target = temp.resolve("cpu.svg");
        support.dialogs.nextExportTarget = target;
        robot.clickOn("#toolbar-export");
        robot.clickOn(ExportFormat.SVG.title() + "…");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(target) > 0);
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(target.toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        String text = Files.readString(target);
        assertTrue(text.contains("computeHashes"), "frames are named in the SVG");
        assertEquals("workload-jdk17-v3-cpu.svg".replace("-v3", "-v" + TestRecordings.FIXTURE_VERSION),
                support.dialogs.lastSuggestedName);
        assertTrue(support.window().noticeLabel().getText().startsWith("Exported SVG image"),
                support.window().noticeLabel().getText());
    }

    /**
     * A load past its memory budget fails with a sentence and offers less detail; once there is room, one
     * click loads the last quarter of the time, and the note banner says that only part was loaded.
     */
    @Test
    void aRecordingTooLargeForMemoryOffersLessDetail(FxRobot robot) throws Exception {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        RecordingTabViewModel vm = tab.viewModel();
        fxRun(robot, () -> {
            vm.setMemoryBudget(1 << 20);
            vm.load();
        });
        assertEquals(RecordingTabViewModel.State.FAILED, vm.stateProperty().get());
        Label error = robot.lookup("#tab-error").query();
        assertTrue(error.getText().contains("needs more than the 1 MiB of memory Firesight may use for it; load it with"
                + " less detail"), error.getText());
        for (String offer : List.of("#load-fewer-views", "#load-last-quarter", "#load-short-stacks")) {
            assertTrue(robot.lookup(offer).query().isVisible(), offer);
        }
        fxRun(robot, () -> vm.setMemoryBudget(0)); // as after restarting with a larger heap
        robot.clickOn("#load-last-quarter");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get(), vm.messageProperty().get());
        Label note = robot.lookup("#note-banner").query();
        assertTrue(note.isVisible() && note.getText().contains("Only the samples from"), note.getText());
        long all = Recordings.open(TestRecordings.jdk17()).samples(ViewKind.CPU).size();
        assertTrue(vm.profileProperty().get().samples(ViewKind.CPU).size() < all / 2, "about a quarter was loaded");
    }

    @Test
    void savesARedactedCopyFromTheFileMenu(FxRobot robot) throws Exception {
        Path recording = TestRecordings.jdk17();
        open(robot, recording);
        Path target = temp.resolve("shareable.jfr");
        support.dialogs.nextExportTarget = target;
        robot.clickOn("File");
        robot.clickOn("Save Redacted Copy\u2026");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("workload-jdk17-v" + TestRecordings.FIXTURE_VERSION + "-redacted.jfr",
                support.dialogs.lastSuggestedName);
        String notice = support.window().noticeLabel().getText();
        assertTrue(notice.matches("Saved a redacted copy to .*shareable\\.jfr \\([1-9][0-9]* values? masked\\)\\."),
                notice);
        Profile copy = Recordings.open(target);
        assertEquals(Recordings.open(recording).samples(ViewKind.CPU).size(), copy.samples(ViewKind.CPU).size(),
                "the copy holds every sample");
        assertTrue(copy.info().jvmArguments().chars().allMatch(c -> c == '*'), copy.info().jvmArguments());
    }

    @Test
    void exportsPngOffTheCurrentView(FxRobot robot) throws Exception {
        open(robot, TestRecordings.jdk17());
        Path target = temp.resolve("cpu.png");
        support.dialogs.nextExportTarget = target;
        fxRun(robot, () -> support.window().export(ExportFormat.PNG));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(target.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() >= 1200, "width " + image.getWidth());
    }
}
