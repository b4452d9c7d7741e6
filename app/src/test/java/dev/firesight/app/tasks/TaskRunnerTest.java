package dev.firesight.app.tasks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRunnerTest {
    @Test
    void synchronousRunnerCallsBackBeforeReturning() {
        List<String> got = new ArrayList<>();
        new SynchronousTaskRunner().submit("t", ctx -> "done", TaskCallbacks.of(got::add, e -> got.add("failed")));
        assertEquals(List.of("done"), got);
    }

    @Test
    void failuresReachTheFailureCallback() {
        AtomicReference<Throwable> error = new AtomicReference<>();
        new SynchronousTaskRunner().submit("t", ctx -> {
            throw new IllegalStateException("broken");
        }, TaskCallbacks.of(r -> { }, error::set));
        assertEquals("broken", error.get().getMessage());
    }

    @Test
    void poolRunnerWorksOffTheCallingThreadAndPostsBack() throws Exception {
        List<Runnable> posted = new ArrayList<>();
        FxTaskRunner runner = new FxTaskRunner(1, r -> {
            synchronized (posted) {
                posted.add(r);
            }
        });
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<String> result = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        runner.submit("t", ctx -> {
            worker.set(Thread.currentThread());
            ran.countDown();
            return "ok";
        }, TaskCallbacks.of(result::set, e -> { }));
        runPosted(posted); // ordinary work is queued once the UI callback that asked for it is over
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        runner.shutdown();
        assertNotEquals(caller, worker.get());
        runPosted(posted);
        assertEquals("ok", result.get());
    }

    @Test
    void progressReachesTheUiThreadOncePerStepAndItsLastValueIsShown() throws Exception {
        FxTaskRunner runner = new FxTaskRunner(1, Runnable::run);
        List<Double> shown = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        int reports = 1_000_000;
        runner.submit("read", ctx -> {
            ctx.progress(-1);
            for (int i = 1; i <= reports; i++) {
                ctx.progress((double) i / reports);
            }
            return "";
        }, TaskCallbacks.<String>of(r -> done.countDown(), e -> done.countDown()).withProgress(shown::add));
        assertTrue(done.await(30, TimeUnit.SECONDS));
        runner.shutdown();
        // the unknown state, then one post per step: a chatty read cannot keep the window drawing a frame each pulse
        assertEquals(-1.0, shown.get(0));
        assertTrue(shown.size() <= FxTaskRunner.PROGRESS_STEPS + 2, shown.size() + " posts");
        assertTrue(shown.size() >= FxTaskRunner.PROGRESS_STEPS, shown.size() + " posts");
        assertEquals(1.0, shown.get(shown.size() - 1)); // the bar ends where the task ended, not a step short
    }

    private static void runPosted(List<Runnable> posted) {
        List<Runnable> now;
        synchronized (posted) {
            now = new ArrayList<>(posted);
            posted.clear();
        }
        now.forEach(Runnable::run);
    }

    @Test
    void whatIsShownGoesFirstAndWorkCancelledWhileWaitingNeverRuns() throws Exception {
        FxTaskRunner runner = new FxTaskRunner(1, Runnable::run);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(2);
        runner.submit("partial timeline", ctx -> {
            busy.countDown();
            release.await();
            return "";
        }, TaskCallbacks.of(r -> { }, e -> { }));
        assertTrue(busy.await(5, TimeUnit.SECONDS));
        runner.submit("findings", ctx -> {
            ran.add("findings");
            done.countDown();
            return "";
        }, TaskCallbacks.of(r -> { }, e -> { }));
        TaskHandle stale = runner.submit("stale timeline", ctx -> {
            ran.add("stale timeline");
            return "";
        }, TaskCallbacks.of(r -> { }, e -> { }));
        runner.submit("query", TaskRunner.Priority.SHOWN, ctx -> {
            ran.add("query");
            done.countDown();
            return "";
        }, TaskCallbacks.of(r -> { }, e -> { }));
        stale.cancel();
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        runner.shutdown();
        assertEquals(List.of("query", "findings"), ran);
    }

    @Test
    void cancelledTasksDropTheirResult() {
        ManualTaskRunner runner = new ManualTaskRunner();
        List<String> got = new ArrayList<>();
        TaskHandle first = runner.submit("a", ctx -> "first", TaskCallbacks.of(got::add, e -> { }));
        runner.submit("b", ctx -> "second", TaskCallbacks.of(got::add, e -> { }));
        first.cancel();
        runner.runAll();
        assertEquals(List.of("second"), got);
    }
}
