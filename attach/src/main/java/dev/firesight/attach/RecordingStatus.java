package dev.firesight.attach;

import java.time.Duration;

/**
 * What the engine in the target says about the recording.
 *
 * @param running  true while samples are being taken
 * @param elapsed  how long the recording has been running, as the engine reports it
 * @param text     the engine's own one-line answer, for display
 */
public record RecordingStatus(boolean running, Duration elapsed, String text) {
}
