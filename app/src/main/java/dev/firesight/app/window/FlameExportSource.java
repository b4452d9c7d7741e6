package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;

/**
 * A tab that is not a recording's but shows a flame graph the Export menu should write (a comparison).
 * Set as the tab's user data.
 */
public interface FlameExportSource {
    /** The flame graph whose current view (zoom, search) is exported. */
    FlameGraph exportGraph();

    /** A file name without extension to suggest, e.g. "base-vs-target-alloc". */
    String exportName();
}
