package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.attach.children.AllocatingChild;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JvmDiscoveryTest {
    @Test
    void listsAChildJvmWithItsFactsButNotItself() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            JvmDiscovery discovery = new JvmDiscovery(new Attacher(TestRecorders.TIMEOUT));
            long start = System.nanoTime();
            List<LocalJvm> jvms = discovery.list();
            System.out.printf("first list: %d JVMs in %d ms%n", jvms.size(), (System.nanoTime() - start) / 1_000_000);

            assertTrue(jvms.stream().noneMatch(jvm -> jvm.pid() == ProcessHandle.current().pid()));
            LocalJvm jvm = jvms.stream().filter(j -> j.pid() == child.pid()).findFirst().orElseThrow();
            assertEquals(AllocatingChild.class.getName(), jvm.displayName());
            assertEquals("AllocatingChild", jvm.applicationName());
            assertEquals(Runtime.version().feature(), jvm.featureVersion());
            assertEquals(System.getProperty("java.vendor"), jvm.vendor());
            assertTrue(jvm.attachable(), jvm.problem());
            assertTrue(jvm.uptime(Instant.now()).orElseThrow().compareTo(Duration.ofMinutes(5)) < 0);

            start = System.nanoTime();
            discovery.list();
            System.out.printf("second list: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void watcherReportsJvmsStartingAndEnding() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        JvmWatcher.Listener listener = new JvmWatcher.Listener() {
            @Override
            public void started(LocalJvm jvm) {
                events.add("started " + jvm.pid());
            }

            @Override
            public void ended(LocalJvm jvm) {
                events.add("ended " + jvm.pid());
            }
        };
        try (JvmWatcher watcher = new JvmWatcher(new JvmDiscovery(new Attacher(TestRecorders.TIMEOUT)),
                Duration.ofMillis(300), listener)) {
            watcher.refresh();
            events.clear();
            watcher.start();
            long pid;
            try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
                pid = child.pid();
                assertEquals("started " + pid, awaitEventAbout(events, pid));
            }
            assertEquals("ended " + pid, awaitEventAbout(events, pid));
        }
    }

    private static String awaitEventAbout(BlockingQueue<String> events, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            String event = events.poll(500, TimeUnit.MILLISECONDS);
            if (event != null && event.endsWith(" " + pid)) {
                return event;
            }
        }
        return "nothing about " + pid;
    }
}
