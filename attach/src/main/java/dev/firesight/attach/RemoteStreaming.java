package dev.firesight.attach;

/** How a remote recording reaches Firesight while it runs. */
public enum RemoteStreaming {
    /**
     * {@code jdk.management.jfr.RemoteRecordingStream} for targets on JDK 17 or later (the JDK's own streaming
     * protocol, which also reads the chunk being written), ranged reads for older ones.
     */
    AUTOMATIC,
    /**
     * Ranged reads: every refresh clones the recording (which closes its current chunk) and reads, with
     * {@code FlightRecorderMXBean.openStream}, only the chunks that started since the last read. Works with every
     * JDK that has the Flight Recorder MBean (8u262 and 11 onwards).
     */
    RANGED_READS
}
