package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {
    private static final Path FILE = Path.of("/rec/a.jfr");
    private static final Path LOG = Path.of("/tmp/s/agent-1.log");

    @Test
    void cpuAlone() {
        assertEquals("start,event=cpu,jfr,file=/rec/a.jfr,log=/tmp/s/agent-1.log",
                AgentArguments.start(RecordingRequest.of(Set.of(ProfilingEvent.CPU)), FILE, LOG));
    }

    @Test
    void everyEventTogether() {
        assertEquals("start,event=cpu,wall=50ms,alloc=524288,live,nativemem=524288,lock=10ms,jfr,file=/rec/a.jfr,log=/tmp/s/agent-1.log",
                AgentArguments.start(RecordingRequest.of(Set.of(ProfilingEvent.values())), FILE, LOG));
    }

    @Test
    void wallWithoutCpuIsTheMainEvent() {
        assertEquals("start,event=wall,interval=50ms,alloc=524288,jfr,file=/rec/a.jfr,log=/tmp/s/agent-1.log",
                AgentArguments.start(RecordingRequest.of(Set.of(ProfilingEvent.WALL, ProfilingEvent.ALLOC)), FILE, LOG));
    }

    @Test
    void liveImpliesAllocation() {
        RecordingRequest request = RecordingRequest.of(Set.of(ProfilingEvent.LIVE));
        assertTrue(request.has(ProfilingEvent.ALLOC));
        assertEquals("start,alloc=524288,live,jfr,file=/rec/a.jfr,log=/tmp/s/agent-1.log",
                AgentArguments.start(request, FILE, LOG));
    }

    @Test
    void theMemoryLeakPresetRecordsAllocationsLiveObjectsAndNativeMemory() {
        RecordingRequest request = RecordingRequest.memoryLeak();
        assertEquals("start,alloc=524288,live,nativemem=524288,jfr,file=/rec/a.jfr,log=/tmp/s/agent-1.log",
                AgentArguments.start(request, FILE, LOG));
        assertEquals(3, request.costs().size(), request.costs().toString());
        assertTrue(request.costs().get(2).startsWith("nativemem: intercepts malloc and free; one allocation sampled"
                + " per 512 KiB"), request.costs().get(2));
        // with Flight Recorder chosen, the costs are its own: no native allocations, and throttled samples
        java.util.List<String> jfr = request.withEngine(EngineChoice.FLIGHT_RECORDER).costs();
        assertEquals(2, jfr.size(), jfr.toString());
        assertTrue(jfr.get(0).startsWith("alloc: the JDK's allocation samples, throttled"), jfr.get(0));
    }

    @Test
    void commands() {
        assertEquals("dump,jfr,log=/tmp/s/agent-1.log", AgentArguments.dump(LOG));
        assertEquals("stop,jfr,log=/tmp/s/agent-1.log", AgentArguments.stop(LOG));
        assertEquals("status,file=/tmp/s/status.txt,log=/tmp/s/agent-1.log",
                AgentArguments.status(Path.of("/tmp/s/status.txt"), LOG));
    }

    @Test
    void timeUnits() {
        assertEquals("10ms", AgentArguments.time(Duration.ofMillis(10)));
        assertEquals("250us", AgentArguments.time(Duration.ofNanos(250_000)));
        assertEquals("1500ns", AgentArguments.time(Duration.ofNanos(1500)));
    }

    @Test
    void commasCannotBePassed() {
        assertFalse(AgentArguments.acceptable(Path.of("/tmp/a,b.jfr")));
        assertTrue(AgentArguments.acceptable(Path.of("/tmp/a b.jfr")));
    }

    @Test
    void eventListsParse() {
        assertEquals(Set.of(ProfilingEvent.CPU, ProfilingEvent.ALLOC), ProfilingEvent.parseList("cpu, alloc"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfilingEvent.parseList("cpu,heap"));
        assertEquals("unknown event 'heap'; use cpu, alloc, lock, wall, live or nativemem.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProfilingEvent.parseList(" , "));
    }
}
