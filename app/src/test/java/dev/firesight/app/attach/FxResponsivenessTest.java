package dev.firesight.app.attach;

import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.parser.query.TimeRange;
import dev.firesight.parser.Profile;
import dev.firesight.parser.testing.TestRecordings;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.firesight.app.attach.AttachTestSupport.await;
import static dev.firesight.app.attach.AttachTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Survive anything": while an attach to a frozen JVM runs into its time limit and while a large recording
 * loads, the FX thread never does the blocking work itself. Every parse, query and attach runs as a task on
 * a worker thread (and the parser's and queries' own cancel polls come from there), its outcome comes back
 * on the FX thread, and a sampler of the FX thread's stack never finds it inside the parser, a query builder
 * or the attach API. Nothing is timed, so a loaded machine cannot make this fail; how long the FX thread
 * stalls is measured by the benchmark, not here.
 */
@ExtendWith(ApplicationExtension.class)
class FxResponsivenessTest {
    @TempDir
    Path temp;

    private AttachTestSupport support;

    @Start
    void start(Stage stage) {
        support = new AttachTestSupport(temp);
        support.start(stage, Duration.ofSeconds(2), temp);
    }

    @AfterEach
    void stop() {
        support.stop();
    }

    @Test
    void anAttachToAFrozenJvmRunsOffTheFxThread(FxRobot robot) throws Exception {
        try (DemoChild child = DemoChild.start(temp.resolve("child.log"))) {
            robot.clickOn("#toolbar-attach");
            await("the attach dialog", Duration.ofSeconds(10), () -> support.app.attachDialog() != null);
            AttachDialogViewModel vm = support.app.attachDialog().viewModel();
            await("child " + child.pid() + " listed", Duration.ofSeconds(40),
                    () -> vm.jvms().stream().anyMatch(r -> r.pid() == child.pid() && r.jvm().attachable()));
            child.freeze();
            try (FxStackSampler fx = sampler()) {
                onFx(() -> vm.start(child.pid()));
                await("the timeout sentence", Duration.ofSeconds(30), () -> vm.recordingProperty().get()
                        .phaseProperty().get() == LiveRecording.Phase.FAILED);
                String error = onFx(() -> vm.recordingProperty().get().errorProperty().get());
                assertTrue(error.contains("did not answer") || error.contains("took longer than"), error);
                assertTrue(robot.lookup("#attach-error").query().isVisible());
                // a refresh while the JVM is still frozen must not block either
                onFx(() -> {
                    vm.refresh();
                    return null;
                });
                await("the refresh", Duration.ofSeconds(30), () -> !vm.refreshingProperty().get());
                assertTrue(fx.samples() > 0, "the sampler ran");
                assertEquals(List.of(), fx.findings(), "the FX thread attached");
            }
            assertEquals(List.of(), support.attachesOnFx, "attaches started on the FX thread");
            assertTrue(support.tasks.ranInBackground().contains("attach to process " + child.pid()),
                    () -> "the attach ran as a background task: " + support.tasks.ranInBackground());
            assertEquals(List.of(), support.tasks.wrongThread());
        }
    }

    @Test
    void aLargeRecordingIsReadAndQueriedOffTheFxThread() throws Exception {
        Path large = largeRecording(temp.resolve("large.jfr"), 60L << 20);
        MainWindowViewModel window = support.app.window().viewModel();
        try (FxStackSampler fx = sampler()) {
            onFx(() -> {
                window.openFiles(List.of(large));
                return null;
            });
            RecordingTabViewModel tab = onFx(() -> window.selectedProperty().get());
            await("the large recording", Duration.ofSeconds(180), () -> tab.stateProperty().get()
                    != RecordingTabViewModel.State.LOADING);
            await("its first view", Duration.ofSeconds(60), () -> tab.resultProperty().get() != null);
            assertEquals(RecordingTabViewModel.State.READY, onFx(() -> tab.stateProperty().get()),
                    () -> onFx(() -> tab.messageProperty().get()));
            assertTrue(onFx(() -> tab.warnings().stream().noneMatch(w -> w.kind() == dev.firesight.parser.Warning.Kind.REPEATED_CHUNK)),
                    () -> "every chunk is read: " + onFx(() -> List.copyOf(tab.warnings())));
            // what the user then does: a time range, a search and a method, each a query of its own
            onFx(() -> {
                Profile p = tab.profileProperty().get();
                tab.timeRangeProperty().set(new TimeRange(p.info().startNanos(), p.info().startNanos() + p.info().durationNanos() / 2));
                tab.searchTextProperty().set("java");
                tab.selectedMethodProperty().set(tab.hotMethods().get(0).nameId());
                return null;
            });
            await("callers and callees", Duration.ofSeconds(60), () -> !tab.butterflyProperty().get().callers()
                    .isEmpty() || !tab.butterflyProperty().get().callees().isEmpty());
            assertTrue(fx.samples() > 0, "the sampler ran");
            assertEquals(List.of(), fx.findings(), "the FX thread read or queried");
        }
        String load = "load " + large.getFileName();
        assertTrue(support.tasks.ranInBackground().containsAll(List.of(load, "query cpu", "search",
                "callers and callees")), () -> "ran in the background: " + support.tasks.ranInBackground());
        // the parser and the call tree builder poll the cancel flag from inside their loops: from a worker
        assertTrue(support.tasks.polledInBackground().containsAll(List.of(load, "query cpu")),
                () -> "polled in the background: " + support.tasks.polledInBackground());
        assertEquals(List.of(), support.tasks.wrongThread());
    }

    private FxStackSampler sampler() {
        return new FxStackSampler(onFx(Thread::currentThread)).start();
    }

    /**
     * Copies of a real recording's chunks back to back until the file reaches {@code size}: a valid
     * multi-chunk recording. Each copy's chunk header start time moves on by the recording's duration, so
     * the copies read as one long recording; the parser skips a chunk that repeats an earlier one (same
     * start time, ticks and size), which would make plain copies a trivially small load.
     */
    static Path largeRecording(Path out, long size) throws Exception {
        byte[] bytes = Files.readAllBytes(TestRecordings.jdk17());
        java.nio.ByteBuffer source = java.nio.ByteBuffer.wrap(bytes);
        long duration = 0;
        for (int at = 0; at + 64 <= bytes.length; at += (int) source.getLong(at + 8)) {
            duration += source.getLong(at + 40);
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            long written = 0;
            for (int copy = 0; written < size; copy++) {
                byte[] shifted = bytes.clone();
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(shifted);
                for (int at = 0; at + 64 <= shifted.length; at += (int) b.getLong(at + 8)) {
                    b.putLong(at + 32, b.getLong(at + 32) + copy * (duration + 1_000_000L)); // chunk start, ns
                }
                os.write(shifted);
                written += shifted.length;
            }
        }
        return out;
    }
}
