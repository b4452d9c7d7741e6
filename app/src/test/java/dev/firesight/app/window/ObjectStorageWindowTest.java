package dev.firesight.app.window;

import static dev.firesight.app.window.WindowTestSupport.fx;
import static dev.firesight.app.window.WindowTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.app.storage.ObjectStorageDialogView;
import dev.firesight.app.storage.ObjectStorageDialogViewModel;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.storage.S3Server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Open from Object Storage against s3proxy on 127.0.0.1: List shows the objects under the prefix with
 * sizes and times (the one that is no recording marked), Open downloads them and opens one tab whose
 * recording is the local folder's, with both JVMs as sources; the secret is never written to the settings.
 */
@ExtendWith(ApplicationExtension.class)
class ObjectStorageWindowTest {
    @TempDir
    Path temp;
    private WindowTestSupport support;
    private S3Server server;

    @Start
    void start(Stage stage) {
        support = new WindowTestSupport(temp);
        support.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPrefixListsAndOpensAsOneRecordingWithItsJvmsAsSources(FxRobot robot) throws Exception {
        Path local = TestRecordings.twoJvms();
        server = new S3Server(temp.resolve("server"));
        server.createBucket("fleet");
        Map<String, Path> uploaded = server.putFolder("fleet", "checkout/", local,
                Map.of("jvm-a", "pod-a", "jvm-b", "pod-b"));
        server.put("fleet", "checkout/README.txt", "not a recording".getBytes(StandardCharsets.UTF_8));
        fxRun(robot, () -> support.app.objectStorage().useCache(temp.resolve("cache")));
        ObjectStorageDialogView dialog = fx(robot, () -> support.app.objectStorage().dialog());
        fxRun(robot, () -> support.window().showObjectStorageDialog());
        ObjectStorageDialogViewModel vm = dialog.viewModel();
        fxRun(robot, () -> {
            vm.locationProperty().set("s3://fleet/checkout/");
            vm.endpointProperty().set(server.endpoint());
            vm.regionProperty().set("us-east-1");
            vm.pathStyleProperty().set(true);
            vm.accessKeyIdProperty().set(S3Server.IDENTITY);
            vm.secretProperty().set(S3Server.CREDENTIAL);
        });
        robot.clickOn("#storage-list");
        WindowTestSupport.fxRun(robot, () -> { });
        assertEquals("", fx(robot, () -> vm.errorProperty().get()));
        assertEquals(uploaded.size() + 1, (int) fx(robot, () -> vm.rows().size()), "every object under the prefix");
        ObjectStorageDialogViewModel.ObjectRow readme = fx(robot, () -> vm.rows().stream()
                .filter(r -> r.key().equals("README.txt")).findFirst().orElseThrow());
        assertEquals("not a recording: skipped", readme.note());
        assertTrue(fx(robot, () -> vm.rows().stream().filter(r -> r.key().endsWith(".jfr"))
                .allMatch(r -> r.chosen() && !r.start().isEmpty() && !r.end().isEmpty())), "times from the headers");

        robot.clickOn("#storage-open");
        WindowTestSupport.fxRun(robot, () -> { });
        assertEquals("", fx(robot, () -> vm.errorProperty().get()));
        RecordingTabView tab = support.window().selectedTab();
        RecordingTabViewModel tabVm = tab.viewModel();
        assertEquals(RecordingTabViewModel.State.READY, tabVm.stateProperty().get(), tabVm.messageProperty().get());
        assertEquals("checkout", tabVm.fileName(), "the tab is named after the prefix");
        Profile reference = Recordings.open(local);
        assertEquals(2, fx(robot, () -> tabVm.loading().profileProperty().get().sources().count()));
        ViewKind view = fx(robot, () -> tabVm.viewProperty().get());
        assertEquals(StackWeights.compute(reference, ProfileQuery.of(view), () -> false).total(),
                (long) fx(robot, () -> tab.flameGraph().getTree().total()), "the same samples as the local folder");

        String saved = Files.readString(temp.resolve("config").resolve("object-storage"));
        assertTrue(saved.contains("s3\\://fleet/checkout/") && saved.contains(S3Server.IDENTITY), saved);
        assertFalse(saved.contains(S3Server.CREDENTIAL), "the secret is never saved: " + saved);

        assertFalse(fx(robot, () -> dialog.root().getScene().getWindow().isShowing()), "the dialog steps aside");
        fxRun(robot, () -> support.window().showObjectStorageDialog());
        fxRun(robot, () -> vm.secretProperty().set("wrong"));
        robot.clickOn("#storage-list");
        WindowTestSupport.fxRun(robot, () -> { });
        Label error = robot.lookup("#storage-error").queryAs(Label.class);
        assertEquals("The secret access key is wrong for access key " + S3Server.IDENTITY + " at "
                + server.endpoint() + ": check AWS_SECRET_ACCESS_KEY (or the secret entered).",
                fx(robot, error::getText));
        assertEquals(List.of(), fx(robot, () -> List.copyOf(vm.rows())));
    }
}
