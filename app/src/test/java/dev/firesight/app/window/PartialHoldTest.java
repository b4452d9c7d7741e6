package dev.firesight.app.window;

import dev.firesight.app.tasks.ManualTaskRunner;
import dev.firesight.app.tasks.TaskContext;
import dev.firesight.parser.PartialProfiles;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading waits after a load's first partial profile until its flame graph is on screen, in a tab that is shown:
 * on two cores the first flame graph would otherwise share them with the reading threads. No other partial holds
 * reading, nor one of a tab behind another, and the wait ends with the paint or a cancel.
 */
class PartialHoldTest {
    /** The reading thread's side: a context that only notes what the load published, and whether it was held then. */
    private static final class Reading implements TaskContext {
        final List<Boolean> heldWhenPublished = new ArrayList<>();
        final RecordingLoadViewModel vm;
        volatile boolean cancelled;

        Reading(RecordingLoadViewModel vm) {
            this.vm = vm;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void progress(double fraction) {
        }

        @Override
        public synchronized void publish(Runnable onUiThread) {
            heldWhenPublished.add(vm.holding());
        }
    }

    private static RecordingLoadViewModel loading(ManualTaskRunner runner) {
        RecordingLoadViewModel vm = new RecordingLoadViewModel(TestRecordings.jdk17(), runner,
                new RecordingQueryViewModel(runner));
        vm.load(); // queued, not run: the test plays the reading thread
        return vm;
    }

    private static Thread partialOnAnotherThread(PartialProfiles partials, Profile p) {
        Thread t = new Thread(() -> partials.partial(p, 50, 100), "reading");
        t.start();
        return t;
    }

    /**
     * Hands a shown tab's first partial over on a reading thread of its own, and waits (10 s at most) until that
     * thread holds or has ended.
     */
    private static Thread firstPartialInShownTab(RecordingLoadViewModel vm, PartialProfiles partials, Profile p)
            throws InterruptedException {
        vm.setTabShown(true);
        Thread reading = partialOnAnotherThread(partials, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!vm.holding() && reading.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return reading;
    }

    @Test
    void readingWaitsForTheFirstPartialToBePaintedInAShownTab() throws Exception {
        Profile p = Recordings.open(TestRecordings.jdk17());
        RecordingLoadViewModel vm = loading(new ManualTaskRunner());
        Reading reading = new Reading(vm);
        PartialProfiles partials = vm.partials(reading);
        Thread first = firstPartialInShownTab(vm, partials, p);
        assertTrue(vm.holding() && first.isAlive(), "reading waits after handing over the first partial");
        vm.flamePainted();
        first.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(first.isAlive(), "and goes on once it is on screen");
        assertFalse(vm.holding());

        Thread second = partialOnAnotherThread(partials, p);
        second.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(second.isAlive());
        assertEquals(List.of(true, false), reading.heldWhenPublished, "only the first partial holds reading");
    }

    @Test
    void aTabBehindAnotherOrACancelDoesNotWait() throws Exception {
        Profile p = Recordings.open(TestRecordings.jdk17());
        RecordingLoadViewModel hidden = loading(new ManualTaskRunner());
        hidden.setTabShown(false);
        Reading behind = new Reading(hidden);
        hidden.partials(behind).partial(p, 50, 100);
        assertEquals(List.of(false), behind.heldWhenPublished, "a tab behind another paints nothing to wait for");

        RecordingLoadViewModel shown = loading(new ManualTaskRunner());
        Reading cancelled = new Reading(shown);
        Thread t = firstPartialInShownTab(shown, shown.partials(cancelled), p);
        assertTrue(shown.holding());
        cancelled.cancelled = true;
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive(), "a cancel ends the wait");
        assertFalse(shown.holding());
    }
}
