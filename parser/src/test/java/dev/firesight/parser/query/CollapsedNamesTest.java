package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A frame name that holds the collapsed format's separator stays one frame in collapsed output. */
class CollapsedNamesTest {
    private static final String THREAD = "pool;worker-1";

    @Test
    void aThreadNameWithASemicolonStaysOneFrame(@TempDir Path dir) throws Exception {
        // JFR samples only threads running Java code; on a loaded machine a short burn was once not sampled at all
        // (a CI run read an empty profile), so the worker is recorded again, up to three times, until it is.
        Profile profile = null;
        for (int attempt = 1; attempt <= 3 && (profile == null || profile.samples(ViewKind.CPU).size() == 0); attempt++) {
            Path file = dir.resolve("semicolon-thread-" + attempt + ".jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                Thread worker = new Thread(CollapsedNamesTest::burn, THREAD);
                worker.start();
                worker.join();
                recording.stop();
                recording.dump(file);
            }
            profile = Recordings.open(file);
        }
        assertTrue(profile.samples(ViewKind.CPU).size() > 0, "JFR sampled the worker");
        CallTree tree = CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.CPU).withPerThread(true));
        StringWriter out = new StringWriter();
        Collapsed.write(tree, out);

        long workerWeight = 0;
        long total = 0;
        for (String line : out.toString().split("\n")) {
            String stack = line.substring(0, line.lastIndexOf(' '));
            long weight = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            total += weight;
            String[] frames = stack.split(";");
            if (frames[0].equals("pool:worker-1")) {
                workerWeight += weight;
            }
            assertTrue(Arrays.stream(frames).noneMatch(f -> f.equals("pool") || f.startsWith("worker-1")),
                    "the thread's name did not split: " + line);
        }
        assertTrue(workerWeight > 0, "the worker's samples are under one root frame 'pool:worker-1':\n" + out);
        assertEquals(profile.samples(ViewKind.CPU).totalWeight(), total, "every sample is in the output");
    }

    private static void burn() {
        long end = System.nanoTime() + 400_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 31 + i; // Java code only: a call into the VM is not sampled
            }
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}
