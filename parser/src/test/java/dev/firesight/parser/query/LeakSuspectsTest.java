package dev.firesight.parser.query;

import dev.firesight.parser.OldObjectSample;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a JVM that leaked until it ran out of heap, the leaking site and class lead the suspects. */
class LeakSuspectsTest {
    private static final String LEAK_SITE = "dev.firesight.parser.testing.MemoryWorkload$AuditLog.record";

    @Test
    void theLeakingSiteRanksFirstAndItsHolderIsNamed() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("leak"));
        List<LeakSuspects.Suspect> suspects = LeakSuspects.of(profile);
        assertFalse(suspects.isEmpty(), "the leak recording has old-object samples");
        LeakSuspects.Suspect top = suspects.get(0);
        assertEquals(LEAK_SITE, top.site(), top.reason());
        assertEquals("byte[]", top.className(), top.reason());
        assertTrue(top.holders().stream().anyMatch(h -> h.endsWith("MemoryWorkload$AuditLog.ENTRIES")),
                "the chain names the static field that holds the leak: " + top.holders());
        assertTrue(top.holders().stream().anyMatch(h -> h.equals("java.util.ArrayList.elementData")),
                top.holders().toString());
        assertTrue(top.reason().startsWith(String.format("%,d byte[] objects allocated in " + LEAK_SITE + ", oldest ",
                top.count())), top.reason());
    }

    /**
     * A suspect is named by the code that allocated it, not by the JDK method at the top of its stack: a journal
     * that keeps strings for good has them built by {@code StringConcatHelper} and its list grown by
     * {@code Arrays.copyOf}, which name no leak; {@code Journal.record} does.
     */
    @Test
    void suspectsAreNamedByTheirOwnCodeNotTheJdksAllocatingMethod() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("journal"));
        List<LeakSuspects.Suspect> suspects = LeakSuspects.of(profile);
        assertFalse(suspects.isEmpty(), "the journal recording has old-object samples");
        String journal = "dev.firesight.parser.testing.MemoryWorkload$Journal.record";
        LeakSuspects.Suspect top = suspects.get(0);
        assertEquals(journal, top.site(), top.reason());
        assertTrue(top.reason().contains(" allocated in " + journal + " (through j"), top.reason());
        for (LeakSuspects.Suspect s : suspects) {
            // Whatever else was sampled: a JDK method names a suspect only when no other code is on its stack.
            boolean ownCode = false;
            for (int i = 0; s.stack() >= 0 && i < profile.stacks().depth(s.stack()) - 1; i++) {
                String name = profile.frames().name(profile.stacks().frame(s.stack(), i));
                ownCode |= Transform.LIBRARY_PREFIXES.stream().noneMatch(name::startsWith);
            }
            assertTrue(!ownCode || Transform.LIBRARY_PREFIXES.stream().noneMatch(s.site()::startsWith), s.reason());
        }
    }

    @Test
    void theLeakingClassGrowsFastest() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("leak"));
        List<ClassGrowth.Growth> growth = ClassGrowth.of(profile);
        assertFalse(growth.isEmpty(), "per-class live bytes were recorded and some class grows");
        assertEquals("byte[]", growth.get(0).className(), growth.toString());
        List<LeakSuspects.Suspect> suspects = LeakSuspects.of(profile);
        assertTrue(suspects.get(0).reason().contains("; the live byte[] on the heap grows "), suspects.get(0).reason());
        assertEquals(1, suspects.stream().filter(s -> s.reason().contains(" on the heap grows ")).count(),
                "the growth is said once, with the largest group of the class: " + suspects);
    }

    @Test
    void churnLeavesNoSuspectFromTheWorkload() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("churn"));
        assertTrue(LeakSuspects.of(profile).stream().noneMatch(s -> LEAK_SITE.equals(s.site())));
        assertTrue(ClassGrowth.of(profile).stream().noneMatch(g -> g.className().equals("byte[]")),
                "byte[] garbage is not a growing live set: " + ClassGrowth.of(profile));
    }

    /** Every old-object sample equals the JDK parser's: class, times, and chain of holders. */
    @Test
    void samplesEqualTheJdkParser() throws Exception {
        Path path = TestRecordings.memory("leak");
        List<String> expected = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(path)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.OldObjectSample")) {
                    RecordedObject object = e.getValue("object");
                    List<String> chain = new ArrayList<>();
                    for (RecordedObject ref = object.getValue("referrer"); ref != null; ) {
                        RecordedObject holder = ref.getValue("object");
                        if (holder == null) {
                            break;
                        }
                        RecordedObject field = ref.getValue("field");
                        RecordedObject array = ref.getValue("array");
                        String holderClass = JdkOracle.className((jdk.jfr.consumer.RecordedClass) holder.getValue("type"));
                        String description = holder.getString("description");
                        if (holderClass.equals("java.lang.Class") && description != null
                                && description.startsWith("Class Name: ")) {
                            holderClass = description.substring("Class Name: ".length()).trim(); // static field
                        }
                        String step = holderClass + (field != null ? "." + field.getString("name")
                                : array != null ? "[" + array.getInt("index") + "]" : "");
                        int skip = ref.getInt("skip");
                        chain.add(skip > 0 ? step + " (" + skip + " more hops)" : step);
                        ref = holder.getValue("referrer");
                    }
                    expected.add(JdkOracle.className((jdk.jfr.consumer.RecordedClass) object.getValue("type")) + " "
                            + nanos(e.getStartTime()) + " " + nanos(e.getInstant("allocationTime")) + " " + chain);
                }
            }
        }
        List<String> ours = new ArrayList<>();
        for (OldObjectSample s : Recordings.open(path).oldObjects()) {
            ours.add(s.className() + " " + s.timeNanos() + " " + s.allocationNanos() + " " + s.referrers());
        }
        assertEquals(expected, ours);
    }

    /**
     * A folder of two replicas, one leaking through its audit log and one through its journal: each JVM's
     * suspects are exactly those of its file alone (its own objects, its own class growth), said of it, so the
     * window's JVM chooser can list one JVM's; both keep byte[] alive and one JVM's byte[] grows, so growth said of
     * the wrong JVM would show.
     */
    @Test
    void eachJvmOfAFolderHasItsOwnSuspects(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(temp.resolve("replicas"));
        java.nio.file.Files.copy(TestRecordings.memory("leak"), folder.resolve("pod-a.jfr"));
        java.nio.file.Files.copy(TestRecordings.memory("journal"), folder.resolve("pod-b.jfr"));
        Profile both = Recordings.open(folder);
        assertEquals(2, both.jvms().size(), both.sources().names().toString());
        List<LeakSuspects.Suspect> all = LeakSuspects.of(both);
        int counted = 0;
        for (String file : List.of("pod-a.jfr", "pod-b.jfr")) {
            Profile alone = Recordings.open(folder.resolve(file));
            int jvm = -1;
            for (int i = 0; i < both.jvms().size(); i++) {
                jvm = both.jvms().get(i).name().endsWith(" in " + file) ? i : jvm;
            }
            int source = jvm;
            List<String> own = all.stream().filter(s -> s.source() == source)
                    .map(s -> s.count() + " " + s.reason()).sorted().toList();
            List<String> expected = LeakSuspects.of(alone).stream()
                    .map(s -> s.count() + " " + both.aboutJvm(source, s.reason())).sorted().toList();
            assertFalse(expected.isEmpty(), file + " has suspects");
            assertEquals(expected, own, file);
            counted += own.size();
            // The Live set's growing classes are each JVM's own as well.
            assertEquals(ClassGrowth.of(alone).stream().map(g -> both.aboutJvm(source, g.sentence())).toList(),
                    ClassGrowth.of(both).stream().filter(g -> g.source() == source).map(ClassGrowth.Growth::sentence)
                            .toList(), file + ": growing classes");
        }
        assertEquals(all.size(), counted, "every suspect is one JVM's");
        // The leaking JVM's byte[] grows, the journal's does not, and both keep byte[] alive: growth looked up by
        // class alone gave the journal's larger byte[] group the other JVM's growth.
        assertFalse(ClassGrowth.of(both).isEmpty(), "precondition: a JVM has growing classes");
    }

    private static long nanos(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
