package dev.firesight.app.window;

import dev.firesight.app.format.Units;
import dev.firesight.app.tasks.ManualTaskRunner;
import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.testing.TestRecordings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot methods and callers/callees tables on real recordings (issue 11, items 7 and 8): progress while
 * a query runs, names unique with the full name on hover, numeric columns sorting largest first, the
 * selection kept in view, and allocation views split into allocating methods and allocated classes.
 */
class MethodTablesTest extends WindowTest {
    @Start
    void start(Stage stage) {
        startWindow(stage);
    }
    private RecordingTabView open(FxRobot robot, Path recording) {
        return support.open(robot, recording);
    }

    @Test
    void whileAQueryRunsTheTablesAndFlameGraphSayComputingNotNone(FxRobot robot) {
        ManualTaskRunner runner = new ManualTaskRunner();
        RecordingTabViewModel vm = new RecordingTabViewModel(TestRecordings.jdk17(), runner);
        RecordingTabView view = fx(robot, () -> {
            RecordingTabView v = new RecordingTabView(vm, () -> { });
            stage.setScene(new Scene((javafx.scene.Parent) v.tab().getContent(), 1200, 800));
            vm.load();
            runner.runNext(); // the load only; its query waits
            return v;
        });
        WindowTestSupport.fxRun(robot, () -> { });
        assertEquals(RecordingTabViewModel.State.READY, vm.stateProperty().get());
        assertTrue(vm.query().queryingProperty().get());
        TableView<MethodRow> table = view.hotMethods().table();
        assertTrue(table.getItems().isEmpty());
        assertEquals("Computing…", visibleText(table.getPlaceholder()));
        assertTrue(robot.lookup("#flame-computing").query().isVisible(), "the flame graph says so too");

        fxRun(robot, runner::runAll);
        assertFalse(vm.query().queryingProperty().get());
        assertFalse(table.getItems().isEmpty());
        assertFalse(robot.lookup("#flame-computing").query().isVisible());
    }

    private static String visibleText(Node placeholder) {
        return robotLabels(placeholder).stream().filter(Node::isVisible).map(Label::getText).findFirst().orElse(null);
    }

    private static List<Label> robotLabels(Node node) {
        return node.lookupAll(".label").stream().filter(Label.class::isInstance).map(Label.class::cast).toList();
    }

    @Test
    void namesAreUniqueAndTheFullNameShowsOnHover(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        List<MethodRow> rows = tab.hotMethods().table().getItems();
        Set<String> names = new HashSet<>();
        Set<String> labels = new HashSet<>();
        rows.forEach(r -> {
            names.add(r.name());
            labels.add(r.label());
        });
        assertEquals(names.size(), labels.size(), "no two different methods read the same");
        @SuppressWarnings("unchecked")
        TableCell<MethodRow, MethodRow> cell = (TableCell<MethodRow, MethodRow>) robot.lookup("#hot-methods .table-cell")
                .match(n -> n instanceof TableCell<?, ?> c && c.getItem() != null).query();
        assertEquals(cell.getItem().label(), cell.getText());
        assertEquals(cell.getItem().name(), cell.getTooltip().getText());
    }

    @Test
    void numericColumnsSortLargestFirstAndKeepTheSelectionInView(FxRobot robot) {
        // a committed recording with deep, varied stacks: a fresh one may have too few methods to scroll
        RecordingTabView tab = open(robot, FlameTabTest.DEEP);
        TableView<MethodRow> table = tab.hotMethods().table();
        TableColumn<MethodRow, ?> method = table.getColumns().get(0);
        TableColumn<MethodRow, ?> total = table.getColumns().get(2);
        assertTrue(table.getItems().size() > 40, "enough rows to scroll: " + table.getItems().size());

        robot.clickOn(header(robot, "Total"));
        assertEquals(List.of(total), table.getSortOrder());
        assertEquals(TableColumn.SortType.DESCENDING, total.getSortType(), "first click: largest first");
        long max = table.getItems().stream().mapToLong(MethodRow::total).max().orElseThrow();
        assertEquals(max, table.getItems().get(0).total());
        robot.clickOn(header(robot, "Total"));
        assertEquals(List.of(total), table.getSortOrder(), "second click: still sorted");
        assertEquals(TableColumn.SortType.ASCENDING, total.getSortType(), "second click: smallest first");

        // select a row far down, then sort by name: the row stays in view instead of the list jumping up
        int far = table.getItems().size() - 2;
        fxRun(robot, () -> {
            table.getSelectionModel().select(far);
            table.scrollTo(far);
        });
        MethodRow selected = table.getSelectionModel().getSelectedItem();
        robot.clickOn(header(robot, "Method"));
        assertEquals(List.of(method), table.getSortOrder());
        assertEquals(selected, table.getSelectionModel().getSelectedItem());
        int index = table.getItems().indexOf(selected);
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        assertTrue(index >= first && index <= last, "row " + index + " in view (" + first + "-" + last + ")");
    }

    private static Node header(FxRobot robot, String title) {
        return robot.lookup("#hot-methods .column-header").match(n -> n.lookup(".label") instanceof Label l
                && title.equals(l.getText())).query();
    }

    @Test
    void allocationViewsListAllocatingMethodsOrAllocatedClasses(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        RecordingTabViewModel vm = tab.viewModel();
        HotMethodsView hot = tab.hotMethods();
        assertEquals(ViewKind.CPU, vm.viewProperty().get());
        assertFalse(hot.groupingButton(AllocationSites.By.METHOD).getParent().isVisible(), "no choice in a CPU view");
        fxRun(robot, () -> vm.viewProperty().set(ViewKind.ALLOC));
        Profile profile = vm.profileProperty().get();
        Set<Integer> classNames = classNameIds(profile);
        assertTrue(hot.groupingButton(AllocationSites.By.METHOD).getParent().isVisible());
        assertTrue(hot.groupingButton(AllocationSites.By.METHOD).isSelected(), "allocating methods first");
        assertEquals("Allocating method", hot.table().getColumns().get(0).getText());
        assertFalse(hot.table().getItems().isEmpty());
        assertTrue(hot.table().getItems().stream().noneMatch(r -> classNames.contains(r.nameId())),
                "methods only");
        assertTrue(hot.table().getItems().stream().anyMatch(r -> r.self() > 0), "methods allocate themselves");

        robot.clickOn(hot.groupingButton(AllocationSites.By.CLASS));
        assertEquals(AllocationSites.By.CLASS, vm.query().allocationGroupingProperty().get());
        assertEquals("Allocated class", hot.table().getColumns().get(0).getText());
        assertEquals("Filter classes", robot.lookup("#method-filter").queryAs(javafx.scene.control.TextField.class)
                .getPromptText(), "the filter says what the table lists");
        assertFalse(hot.table().getColumns().get(2).isVisible(), "a class's total is its self: one column");
        assertFalse(hot.table().getItems().isEmpty());
        assertTrue(hot.table().getItems().stream().allMatch(r -> classNames.contains(r.nameId())), "classes only");
        long sum = hot.table().getItems().stream().mapToLong(MethodRow::self).sum();
        assertEquals(vm.resultProperty().get().weights().total(), sum, "every allocation has its class");
    }

    private static Set<Integer> classNameIds(Profile profile) {
        Set<Integer> ids = new HashSet<>();
        for (int f = 0; f < profile.frames().size(); f++) {
            if (profile.frames().kind(f) == FrameKind.CLASS) {
                ids.add(profile.frames().nameId(f));
            }
        }
        return ids;
    }

    @Test
    void theStatusBarSaysEachFigureOnceInItsOwnUnit(FxRobot robot) {
        RecordingTabView tab = open(robot, TestRecordings.jdk17());
        RecordingTabViewModel vm = tab.viewModel();
        Label samples = robot.lookup("#status-samples").query();
        Label total = robot.lookup("#status-total").query();
        long cpu = vm.resultProperty().get().weights().total();
        assertEquals("CPU total: " + Units.weight(cpu, ViewKind.Unit.SAMPLES), total.getText());
        assertFalse(samples.getText().contains("samples"), "no second, different sample figure: " + samples.getText());

        fxRun(robot, () -> vm.viewProperty().set(ViewKind.ALLOC));
        long events = vm.resultProperty().get().weights().samples();
        assertEquals(Units.count(events) + " allocation events", samples.getText());
        assertTrue(total.getText().startsWith("Allocations (bytes) total: "), total.getText());
    }
}
