package dev.firesight.app.info;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.SecretsRecording;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real recording of a JVM with a password in its environment and a token in a system property: the
 * info panel warns, shows and copies them redacted, and reveals them only on request.
 */
@ExtendWith(ApplicationExtension.class)
class RecordingInfoViewTest {
    @TempDir
    static Path dir;
    private static Profile profile;

    @BeforeAll
    static void record() throws Exception {
        profile = Recordings.open(SecretsRecording.make(dir));
    }

    @Test
    void secretsAreRedactedUntilAskedFor(FxRobot robot) throws Exception {
        RecordingInfoView[] view = new RecordingInfoView[1];
        boolean[] saveAsked = {false};
        robot.interact(() -> {
            view[0] = new RecordingInfoView(profile, () -> saveAsked[0] = true);
            Stage stage = new Stage();
            stage.setScene(new Scene(view[0].root(), 900, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String shown = RecordingFacts.text(view[0].table().getItems());
        assertTrue(shown.contains("DB_PASSWORD: [redacted]"), shown);
        assertTrue(shown.contains("api.token: [redacted]"), shown);
        assertFalse(shown.contains(SecretsRecording.PASSWORD) || shown.contains(SecretsRecording.TOKEN), "nothing secret by default");
        for (String embedded : SecretsRecording.EMBEDDED) {
            assertFalse(shown.contains(embedded), "credentials inside values are hidden too: " + embedded);
        }
        assertTrue(shown.contains("DATABASE_URL: postgres://[redacted]@db.example:5432/orders"), shown);
        // only what looks secret: the heap size and GC flags stay readable
        assertTrue(shown.contains(SecretsRecording.HEAP_OPTION) && shown.contains(SecretsRecording.GC_OPTION), shown);
        assertTrue(shown.contains("-Dapi.token=[redacted]"), shown);
        assertTrue(robot.lookup("." + RecordingInfoView.SECRETS_STYLE_CLASS).tryQuery().isPresent(),
                "the panel says the recording holds secrets");
        robot.clickOn("#info-save-redacted");
        assertTrue(saveAsked[0], "the notice offers the redacted copy");

        robot.clickOn(view[0].showSecretsToggle());
        WaitForAsyncUtils.waitForFxEvents();
        String revealed = RecordingFacts.text(view[0].table().getItems());
        assertTrue(revealed.contains("DB_PASSWORD: " + SecretsRecording.PASSWORD), "shown on request");
        assertTrue(revealed.contains("DATABASE_URL: " + SecretsRecording.ENVIRONMENT.get("DATABASE_URL")), revealed);
        assertEquals(view[0].table().getItems().size(), RecordingFacts.rows(profile.info(), true).size());
    }
}
