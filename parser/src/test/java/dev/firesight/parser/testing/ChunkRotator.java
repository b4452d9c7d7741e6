package dev.firesight.parser.testing;

import jdk.jfr.Recording;

/**
 * Makes a running JFR disk recording start a new chunk: starting and stopping any recording ends the
 * current chunk of every running recording. Used by {@link Workload} for multi-chunk fixtures.
 */
public final class ChunkRotator {
    private ChunkRotator() {
    }

    public static void rotate() {
        try (Recording marker = new Recording()) {
            marker.setName("firesight-chunk-rotation");
            marker.start();
            marker.stop();
        }
    }
}
