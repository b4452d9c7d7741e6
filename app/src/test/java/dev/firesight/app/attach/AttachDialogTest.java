package dev.firesight.app.attach;

import dev.firesight.app.window.MainWindowViewModel;
import dev.firesight.app.window.MethodRow;
import dev.firesight.app.window.RecordingTabView;
import dev.firesight.app.window.RecordingTabViewModel;
import dev.firesight.attach.RemoteRecording;
import dev.firesight.files.OwnerOnly;
import dev.firesight.parser.ViewKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.firesight.app.attach.AttachTestSupport.await;
import static dev.firesight.app.attach.AttachTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attach dialog against real child JVMs, through the real window and a threaded task runner: local JVMs, and a
 * remote one over JMX.
 */
@ExtendWith(ApplicationExtension.class)
class AttachDialogTest {
    @TempDir
    Path temp;

    private AttachTestSupport support;

    @Start
    void start(Stage stage) {
        support = new AttachTestSupport(temp);
        support.start(stage, Duration.ofSeconds(10), temp);
    }

    @AfterEach
    void stop() {
        support.stop();
    }

    private AttachDialogViewModel openDialog(FxRobot robot) {
        robot.clickOn("#toolbar-attach");
        await("the attach dialog", Duration.ofSeconds(10), () -> support.app.attachDialog() != null
                && support.app.attachDialog().stage().isShowing());
        // an owned window stays above its owner: the dialog must not cover the live tab it opens
        org.junit.jupiter.api.Assertions.assertNull(support.app.attachDialog().stage().getOwner());
        return support.app.attachDialog().viewModel();
    }

    /** Waits until the child is listed as attachable, filters the table down to it and selects its row. */
    private void selectChild(FxRobot robot, AttachDialogViewModel vm, DemoChild child) {
        await("child " + child.pid() + " in the list", Duration.ofSeconds(40),
                () -> vm.jvms().stream().anyMatch(r -> r.pid() == child.pid() && r.jvm().attachable()));
        robot.clickOn("#attach-filter").write(Long.toString(child.pid()));
        await("the filter", Duration.ofSeconds(5), () -> vm.shownJvms().size() == 1);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup("#attach-jvms .table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null).query();
        robot.clickOn(row);
        await("the row selected", Duration.ofSeconds(5), () -> vm.selectedProperty().get() != null);
        assertEquals(child.pid(), onFx(() -> vm.selectedProperty().get().pid()));
    }

    /** The preset ticks what the memory views need, and the dialog says what each choice costs the JVM. */
    @Test
    void theMemoryLeakPresetChoosesWhatTheMemoryViewsNeedAndSaysTheCost(FxRobot robot) {
        AttachDialogViewModel vm = openDialog(robot);
        robot.clickOn("#attach-memory-leak");
        assertEquals(dev.firesight.attach.RecordingRequest.memoryLeak().events(), onFx(() -> vm.request().events()));
        assertTrue(onFx(() -> robot.lookup("#attach-nativemem").queryAs(javafx.scene.control.CheckBox.class)
                .isSelected()), "native memory is ticked");
        String costs = onFx(() -> robot.lookup("#attach-costs").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(costs.contains("live: ") && costs.contains("nativemem: intercepts malloc and free"), costs);
        assertFalse(costs.contains("cpu, wall:"), "CPU is off in the preset: " + costs);
    }

    @Test
    void recordsARealChildForThreeSecondsIntoALiveTab(FxRobot robot) throws Exception {
        try (DemoChild child = DemoChild.start(temp.resolve("child.log"))) {
            AttachDialogViewModel vm = openDialog(robot);
            selectChild(robot, vm, child);
            TableView<?> table = robot.lookup("#attach-jvms").queryAs(TableView.class);
            assertEquals(1, onFx(() -> table.getItems().size()));
            assertTrue(onFx(() -> vm.cpuProperty().get()), "CPU is chosen by default");
            assertTrue(onFx(() -> vm.allocProperty().get()), "allocations are chosen by default");
            robot.clickOn("#attach-fixed");
            AttachTestSupport.onFx(() -> {
                vm.secondsProperty().set(3);
                return null;
            });
            MainWindowViewModel window = support.app.window().viewModel();
            AtomicBoolean sawLiveTab = new AtomicBoolean();
            onFx(() -> {
                window.tabs().addListener((javafx.collections.ListChangeListener<RecordingTabViewModel>) c ->
                        window.tabs().forEach(t -> t.liveProperty().addListener((o, a, b) -> {
                            if (b) {
                                sawLiveTab.set(true);
                            }
                        })));
                return null;
            });
            robot.clickOn("#attach-start");

            await("the recording to finish", Duration.ofSeconds(60), () -> vm.recordingProperty().get() != null
                    && (vm.recordingProperty().get().phaseProperty().get() == LiveRecording.Phase.STOPPED
                    || vm.recordingProperty().get().phaseProperty().get() == LiveRecording.Phase.FAILED));
            LiveRecording recording = onFx(() -> vm.recordingProperty().get());
            assertEquals(LiveRecording.Phase.STOPPED, onFx(() -> recording.phaseProperty().get()),
                    () -> onFx(() -> recording.errorProperty().get()));
            assertTrue(sawLiveTab.get(), "the tab opened with the first snapshot, while recording");
            Path file = onFx(() -> recording.fileProperty().get());
            assertTrue(Files.isRegularFile(file) && Files.size(file) > 0, file + " exists");
            assertTrue(file.startsWith(support.recordings), "written into the recordings folder");
            assertFalse(onFx(() -> recording.engineProperty().get()).isEmpty());
            String status = robot.lookup("#attach-status").queryAs(Label.class).getText();
            assertTrue(status.contains("saved to " + file), status);

            RecordingTabViewModel tab = onFx(recording::tab);
            assertNotNull(tab);
            assertEquals(file, tab.path());
            assertEquals(1, onFx(() -> window.tabs().size()), "the final file opened in the same tab");
            assertFalse(onFx(() -> tab.liveProperty().get()), "no longer live");
            await("the final file read", Duration.ofSeconds(30), () -> tab.stateProperty().get()
                    == RecordingTabViewModel.State.READY && file.equals(tab.shownFileProperty().get())
                    && tab.resultProperty().get() != null);
            assertTrue(onFx(() -> tab.views().contains(ViewKind.ALLOC)), "allocations were recorded");

            onFx(() -> {
                tab.viewProperty().set(ViewKind.ALLOC);
                return null;
            });
            await("the allocation view", Duration.ofSeconds(30), () -> tab.hotMethods().stream()
                    .anyMatch(r -> r.name().contains("DemoService.priceOrder")));
            MethodRow hot = onFx(() -> tab.hotMethods().stream().filter(r -> r.name().contains("DemoService.priceOrder"))
                    .findFirst().orElseThrow());
            assertTrue(hot.totalFraction() > 0.5, "priceOrder allocates most of the bytes: " + hot.totalFraction());
            RecordingTabView view = onFx(() -> support.app.window().tabView(tab));
            assertTrue(onFx(() -> view.hotMethods().table().getItems().stream()
                    .anyMatch(r -> r.name().contains("priceOrder"))), "the hot methods table shows it");
        }
    }

    @Test
    void attachingToAnExitedJvmSaysSoInTheDialog(FxRobot robot) throws Exception {
        try (DemoChild child = DemoChild.start(temp.resolve("child.log"))) {
            AttachDialogViewModel vm = openDialog(robot);
            selectChild(robot, vm, child);
            child.kill();
            assertFalse(child.alive());
            robot.clickOn("#attach-start");
            await("the error sentence", Duration.ofSeconds(30),
                    () -> !robot.lookup("#attach-error").queryAs(Label.class).getText().isEmpty());
            String error = robot.lookup("#attach-error").queryAs(Label.class).getText();
            assertTrue(robot.lookup("#attach-error").query().isVisible());
            assertTrue(error.contains(Long.toString(child.pid())) && error.contains("not running"), error);
            assertFalse(error.contains("Exception") || error.contains("\tat "), "a sentence, not a stack trace");
            assertEquals(0, onFx(() -> support.app.window().viewModel().tabs().size()), "no tab for a failed attach");
        }
    }

    /**
     * The remote form against a real child JVM with a password-protected JMX agent: connect, list its recordings,
     * record it into a live tab.
     */
    @Test
    @org.junit.jupiter.api.Timeout(180) // a hang guard only
    void connectsListsTheRecordingsAndRecordsIntoALiveTab(FxRobot robot) throws Exception {
        int port = RemoteChildren.freePort();
        Path passwords = OwnerOnly.newFile(temp.resolve("jmxremote.password"));
        Files.writeString(passwords, "firesight dialog-pw\n");
        Path access = OwnerOnly.newFile(temp.resolve("jmxremote.access"));
        Files.writeString(access, "firesight readwrite\n");
        try (AutoCloseable child = RemoteChildren.start(temp.resolve("child.log"), port, passwords, access,
                "-XX:StartFlightRecording:name=boot")) {
            robot.clickOn("#toolbar-attach");
            await("the attach dialog", Duration.ofSeconds(10), () -> support.app.attachDialog() != null
                    && support.app.attachDialog().stage().isShowing());
            AttachDialogViewModel vm = support.app.attachDialog().viewModel();
            robot.clickOn("#attach-remote-tab");
            await("the remote form", Duration.ofSeconds(5), () -> vm.remoteProperty().get());

            robot.doubleClickOn("#attach-jmx-host").eraseText(20).write("127.0.0.1");
            robot.clickOn("#attach-jmx-port").eraseText(10).write(Integer.toString(port));
            robot.clickOn("#attach-jmx-user").write("firesight");
            robot.clickOn("#attach-jmx-password").write("dialog-pw");
            assertEquals("", onFx(() -> robot.lookup("#attach-jmx-password").queryAs(PasswordField.class)
                    .getText().replaceAll(".", "")), "masked field holds the text");
            robot.clickOn("#attach-jmx-connect");
            await("the connection", Duration.ofSeconds(30), () -> vm.connectedProperty().get() != null
                    || !vm.errorProperty().get().isEmpty());
            assertEquals("", onFx(() -> vm.errorProperty().get()));
            assertEquals("", onFx(() -> vm.passwordProperty().get()), "the password field is emptied on connect");
            String connection = robot.lookup("#attach-jmx-connection").queryAs(Label.class).getText();
            assertTrue(connection.startsWith("Connected to JVM ") && connection.endsWith(" at 127.0.0.1:" + port + "."),
                    connection);
            TableView<?> recordings = robot.lookup("#attach-jmx-recordings").queryAs(TableView.class);
            RemoteRecording boot = onFx(() -> vm.remoteRecordings().stream().filter(r -> r.name().equals("boot"))
                    .findFirst().orElse(null));
            assertTrue(boot != null && boot.running(), "the JVM's own recording is listed, running");
            assertEquals(onFx(() -> vm.remoteRecordings().size()), onFx(() -> recordings.getItems().size()));

            Path recent = temp.resolve("recordings").resolve(".recent-jmx");
            assertEquals(List.of("127.0.0.1:" + port), Files.readAllLines(recent), "host and port only");
            assertFalse(Files.readString(recent).contains("dialog-pw"));

            robot.clickOn("#attach-fixed");
            onFx(() -> {
                vm.secondsProperty().set(3);
                return null;
            });
            robot.clickOn("#attach-start");
            await("the recording to finish", Duration.ofSeconds(90), () -> vm.recordingProperty().get() != null
                    && (vm.recordingProperty().get().phaseProperty().get() == LiveRecording.Phase.STOPPED
                    || vm.recordingProperty().get().phaseProperty().get() == LiveRecording.Phase.FAILED));
            LiveRecording recording = onFx(() -> vm.recordingProperty().get());
            assertEquals(LiveRecording.Phase.STOPPED, onFx(() -> recording.phaseProperty().get()),
                    () -> onFx(() -> recording.errorProperty().get()));
            Path file = onFx(() -> recording.fileProperty().get());
            assertTrue(file.startsWith(support.recordings), "written into the recordings folder: " + file);
            String status = robot.lookup("#attach-status").queryAs(Label.class).getText();
            assertTrue(status.contains("of the JVM at 127.0.0.1:" + port + " with JDK Flight Recorder; saved to " + file),
                    status);
            long samples = 0;
            for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    samples++;
                }
            }
            assertTrue(samples > 0, "CPU samples of the busy child, read by the JDK's parser");

            MainWindowViewModel window = support.app.window().viewModel();
            RecordingTabViewModel tab = onFx(recording::tab);
            assertTrue(tab != null, "the live tab opened with a snapshot while recording");
            assertEquals(1, onFx(() -> window.tabs().size()), "the final file opened in the same tab");
            await("the final file read", Duration.ofSeconds(30), () -> tab.stateProperty().get()
                    == RecordingTabViewModel.State.READY && file.equals(tab.shownFileProperty().get()));

            // the JVM's own recording, which only the JVM's exit would end, stopped from the dialog
            robot.clickOn("#attach-remote-tab");
            int bootRow = onFx(() -> recordings.getItems().indexOf(vm.remoteRecordings().stream()
                    .filter(r -> r.name().equals("boot")).findFirst().orElseThrow()));
            onFx(() -> {
                recordings.getSelectionModel().select(bootRow);
                return null;
            });
            robot.clickOn("#attach-jmx-stop");
            await("the boot recording stopped", Duration.ofSeconds(30), () -> vm.remoteRecordings().stream()
                    .anyMatch(r -> r.name().equals("boot") && !r.running()) || !vm.errorProperty().get().isEmpty());
            assertEquals("", onFx(() -> vm.errorProperty().get()));
            assertTrue(robot.lookup("#attach-jmx-connection").queryAs(Label.class).getText()
                    .startsWith("Stopped recording " + boot.id() + " (boot)"));
            assertEquals(List.of(), support.attachesOnFx, "no connection opened on the FX thread");

            // The JVM exits: the dialog no longer says it is connected once a call finds it gone.
            child.close();
            robot.clickOn("#attach-jmx-refresh");
            await("the lost connection noticed", Duration.ofSeconds(60), () -> vm.connectedProperty().get() == null);
            String error = onFx(() -> vm.errorProperty().get());
            assertTrue(error.contains("stopped answering"), error);
            assertEquals("", robot.lookup("#attach-jmx-connection").queryAs(Label.class).getText());
            robot.clickOn("#attach-local-tab");
            assertEquals("", onFx(() -> vm.errorProperty().get()), "the remote JVM's error is not said under the local ones");
        }
    }
}
