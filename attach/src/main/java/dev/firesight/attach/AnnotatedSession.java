package dev.firesight.attach;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A session with notes from the start (e.g. why the engine fell back) ahead of the engine's messages. */
final class AnnotatedSession implements RecordingSession {
    private final RecordingSession session;
    private final List<String> notes;

    AnnotatedSession(RecordingSession session, List<String> notes) {
        this.session = session;
        this.notes = List.copyOf(notes);
    }

    @Override
    public long pid() {
        return session.pid();
    }

    @Override
    public RecordingEngine engine() {
        return session.engine();
    }

    @Override
    public Path file() {
        return session.file();
    }

    @Override
    public RecordingStatus status() throws AttachException {
        return session.status();
    }

    @Override
    public long dump(Path snapshot) throws AttachException {
        return session.dump(snapshot);
    }

    @Override
    public Path stop() throws AttachException {
        return session.stop();
    }

    @Override
    public List<String> messages() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(session.messages());
        return all;
    }

    @Override
    public void close() {
        session.close();
    }
}
