package dev.firesight.attach;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One recording a remote JVM holds, as its Flight Recorder lists it.
 *
 * @param id       the recorder's id, for stopping or downloading it
 * @param name     the recording's name, e.g. one given with -XX:StartFlightRecording:name=
 * @param state    NEW, DELAYED, STARTING, RUNNING, STOPPED or CLOSED
 * @param start    when it started; empty when it has not
 * @param duration how long it is set to run; empty when it runs until stopped
 * @param bytes    what it holds on the target's disk so far
 */
public record RemoteRecording(long id, String name, String state, Optional<Instant> start,
        Optional<Duration> duration, long bytes) {

    public boolean running() {
        return state.equals("RUNNING");
    }
}
