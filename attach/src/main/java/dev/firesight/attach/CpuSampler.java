package dev.firesight.attach;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Which sampler async-profiler used for CPU samples. It picks perf_events when the kernel allows them
 * and silently takes ctimer (or itimer) otherwise; it records its choice as the "engine" setting in
 * the recording, which is where this reads it from.
 */
final class CpuSampler {
    private CpuSampler() {
    }

    /** The engine setting from a finished async-profiler recording, e.g. "perf_events" or "ctimer". */
    static Optional<String> fromRecording(Path file) {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ActiveSetting")
                        && "engine".equals(event.getString("name"))) {
                    return Optional.ofNullable(event.getString("value"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A sentence for the user when CPU samples did not come from perf_events; empty otherwise. */
    static Optional<String> fallbackMessage(String engine) {
        if (engine.equals("perf_events") || engine.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("perf_events are not permitted here (kernel.perf_event_paranoid, seccomp or a"
                + " virtual machine), so async-profiler sampled CPU with " + engine
                + " instead; the profile has no kernel frames.");
    }
}
