package dev.firesight.app.export;

import java.io.IOException;
import java.io.Writer;

/** A flame tree that is not a call tree but has a collapsed form of its own (a diff: two weight columns). */
public interface CollapsedSource {
    void writeCollapsed(Writer out) throws IOException;
}
