package dev.firesight.app.window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentFilesTest {
    @TempDir
    Path temp;

    @Test
    void newestFirstWithoutDuplicatesAndSurvivesARestart() {
        Path store = temp.resolve("config/firesight/recent-files");
        RecentFiles recent = new RecentFiles(store);
        recent.add(temp.resolve("a.jfr"));
        recent.add(temp.resolve("b.jfr"));
        List<Path> saved = recent.add(temp.resolve("a.jfr"));
        assertEquals(List.of(temp.resolve("a.jfr"), temp.resolve("b.jfr")), saved);
        recent.save(saved);

        RecentFiles restarted = new RecentFiles(store);
        assertTrue(restarted.files().isEmpty(), "nothing is read on the constructing thread");
        restarted.restore(restarted.read());
        assertEquals(saved, restarted.files());
    }

    @Test
    void keepsTheNewestTen() {
        RecentFiles recent = new RecentFiles(temp.resolve("recent"));
        for (int i = 0; i < 15; i++) {
            recent.add(temp.resolve(i + ".jfr"));
        }
        assertEquals(RecentFiles.MAX, recent.files().size());
        assertEquals(temp.resolve("14.jfr"), recent.files().get(0));
    }

    @Test
    void anUnreadableStoreMeansNoHistory() throws Exception {
        Path store = Files.createDirectories(temp.resolve("a-folder"));
        RecentFiles recent = new RecentFiles(store);
        assertTrue(recent.read().isEmpty());
        recent.save(List.of(temp.resolve("x.jfr")));
    }

    @Test
    void aFileOpenedBeforeTheHistoryIsReadKeepsTheHistory() throws Exception {
        Path store = temp.resolve("recent");
        Path old = temp.resolve("old.jfr");
        Path fresh = Files.copy(dev.firesight.parser.testing.TestRecordings.jdk17(), temp.resolve("fresh.jfr"));
        Files.write(store, List.of(old.toString()));
        dev.firesight.app.tasks.ManualTaskRunner runner = new dev.firesight.app.tasks.ManualTaskRunner();
        Comparisons none = new Comparisons() {
            @Override
            public void compareTabs(RecordingTabViewModel base, RecordingTabViewModel target) {
                throw new AssertionError("no comparison here");
            }

            @Override
            public void compareWithRest(RecordingTabViewModel tab, dev.firesight.parser.query.TimeRange selection) {
                throw new AssertionError("no comparison here");
            }

            @Override
            public void compareRanges(RecordingTabViewModel tab, dev.firesight.parser.query.TimeRange baseline,
                                      dev.firesight.parser.query.TimeRange target) {
                throw new AssertionError("no comparison here");
            }

            @Override
            public void compareSourceWithOthers(RecordingTabViewModel tab, int source) {
                throw new AssertionError("no comparison here");
            }
        };
        MainWindowViewModel vm = new MainWindowViewModel(runner, new RecentFiles(store), none, window -> {
            throw new AssertionError("no attach here");
        });
        vm.openFiles(List.of(fresh)); // as a command-line file does, before the read task has run
        runner.runAll();
        assertEquals(List.of(fresh, old), vm.recentFiles());
        assertEquals(List.of(fresh.toString(), old.toString()), Files.readAllLines(store));

        // A file that cannot be read gets its tab and its sentence, but no place in the list.
        Path empty = Files.createFile(temp.resolve("empty.jfr"));
        Path text = Files.writeString(temp.resolve("notes.jfr"), "not a recording");
        vm.openFiles(List.of(empty, text, temp.resolve("gone.jfr")));
        runner.runAll();
        assertEquals(4, vm.tabs().size());
        assertTrue(vm.tabs().stream().skip(1).allMatch(t -> t.stateProperty().get() == RecordingTabViewModel.State.FAILED));
        assertEquals(List.of(fresh, old), vm.recentFiles());
        assertEquals(List.of(fresh.toString(), old.toString()), Files.readAllLines(store));
    }
}
