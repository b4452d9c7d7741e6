package dev.firesight.app.attach;

import dev.firesight.app.tasks.SynchronousTaskRunner;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a live recording's tab does with each snapshot: the profile is swapped in place and the user's
 * view, time range, search, zoom and selected method stay, carried over by name into the new profile.
 */
class InPlaceReloadTest {
    @Test
    void swappingTheProfileKeepsZoomRangeSearchAndSelectionByName() {
        Path first = TestRecordings.jdk17();
        Path second = TestRecordings.multiChunk(); // the same workload in another run: same names, other ids
        RecordingTabViewModel tab = new RecordingTabViewModel(first, new SynchronousTaskRunner());
        tab.load();
        assertEquals(RecordingTabViewModel.State.READY, tab.stateProperty().get(), tab.messageProperty().get());
        Profile before = tab.profileProperty().get();
        CallTree tree = tab.resultProperty().get().tree();
        int node = heaviestStableNode(tree, before);
        int[] zoom = tree.pathIds(node);
        List<String> zoomNames = names(before, zoom);
        TimeRange range = new TimeRange(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4); // all samples, either time base
        tab.zoomPathProperty().set(zoom);
        tab.searchTextProperty().set("Workload");
        tab.timeRangeProperty().set(range);
        int selected = zoom[zoom.length - 1];
        tab.selectedMethodProperty().set(selected);
        String selectedName = before.frames().nameOf(selected);

        tab.reload(second);

        Profile after = tab.profileProperty().get();
        assertNotSame(before, after);
        assertEquals(second, tab.shownFileProperty().get());
        assertEquals(first, tab.path(), "the tab stays the recording's tab");
        assertEquals(1, tab.reloadsProperty().get());
        assertEquals(ViewKind.CPU, tab.viewProperty().get());
        assertEquals(range, tab.timeRangeProperty().get());
        assertEquals("Workload", tab.searchTextProperty().get());
        List<String> kept = names(after, tab.zoomPathProperty().get());
        assertTrue(kept.size() >= 1 && zoomNames.subList(0, kept.size()).equals(kept),
                "zoom " + zoomNames + " became " + kept);
        // the other run may lack the deepest frame; what it has of the path is kept, by name
        assertEquals(selectedName, after.frames().nameOf(tab.selectedMethodProperty().get()));
        assertTrue(tab.searchProperty().get() != null);
    }

    /** The heaviest node whose path has no lambda frames (their names change per run). */
    private static int heaviestStableNode(CallTree tree, Profile p) {
        int best = CallTree.NONE;
        for (int c = 1; c < tree.size(); c++) {
            int[] ids = tree.pathIds(c);
            if (names(p, ids).stream().anyMatch(n -> n.contains("Lambda"))) {
                continue;
            }
            if (best == CallTree.NONE || tree.total(c) > tree.total(best)) {
                best = c;
            }
        }
        return best;
    }

    private static List<String> names(Profile p, int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            out.add(p.frames().nameOf(id));
        }
        return out;
    }
}
