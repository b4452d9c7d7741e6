package dev.firesight.attach;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** What a test checks in a recording, read with the JDK's own JFR parser (the oracle). */
final class RecordingFacts {
    private static final Set<String> ALLOCATION = Set.of("jdk.ObjectAllocationInNewTLAB",
            "jdk.ObjectAllocationOutsideTLAB", "jdk.ObjectAllocationSample");
    private static final Set<String> CPU = Set.of("jdk.ExecutionSample");

    final Map<String, Long> allocationBytesByTopMethod = new HashMap<>();
    final Map<String, Long> cpuSamplesByMethodOnStack = new HashMap<>();
    final Map<String, Long> eventCounts = new HashMap<>();

    static RecordingFacts read(Path file) throws IOException {
        RecordingFacts facts = new RecordingFacts();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            facts.eventCounts.merge(type, 1L, Long::sum);
            if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (ALLOCATION.contains(type)) {
                facts.allocationBytesByTopMethod.merge(name(frames.get(0)), weight(event), Long::sum);
            } else if (CPU.contains(type)) {
                frames.stream().map(RecordingFacts::name).distinct()
                        .forEach(method -> facts.cpuSamplesByMethodOnStack.merge(method, 1L, Long::sum));
            }
        }
        return facts;
    }

    /** The top-frame method with the most allocated bytes. */
    String leadingAllocator() {
        return allocationBytesByTopMethod.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("none");
    }

    long count(String eventType) {
        return eventCounts.getOrDefault(eventType, 0L);
    }

    private static long weight(RecordedEvent event) {
        for (String field : new String[] {"weight", "tlabSize", "allocationSize"}) {
            if (event.hasField(field)) {
                return event.getLong(field);
            }
        }
        return 1;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    @Override
    public String toString() {
        return "events " + eventCounts + ", allocation by top frame " + allocationBytesByTopMethod;
    }
}
