package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one search rule, on a real JDK 17 recording of the test workload: a regular expression by default
 * (so {@code Workload\.compute.*} matches, where quoting the text matched nothing), plain text and match case
 * as toggles, the matched share counted once per stack, and next/previous order heaviest first.
 */
class FrameSearchTest {
    private static Profile profile;
    private static CallTree cpu;

    @BeforeAll
    static void read() throws Exception {
        profile = Recordings.open(TestRecordings.jdk17());
        cpu = CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.CPU));
    }

    @Test
    void aRegularExpressionMatchesWhereTheQuotedTextMatchedNothing() throws Exception {
        String regex = "Workload\\.compute.*";
        FrameSearch asRegex = search(cpu, SearchPattern.regex(regex));
        assertTrue(asRegex.matchCount() > 0, "the regex matches computeHashes");
        for (int n : asRegex.matches()) {
            assertTrue(cpu.name(n).contains("Workload.compute"), cpu.name(n));
        }
        assertTrue(search(cpu, SearchPattern.of(regex, true, false)).isEmpty(), "taken literally it matches nothing");
        assertTrue(search(cpu, SearchPattern.of("Workload.computeHashes", true, false)).matchCount() > 0,
                "plain text matches the name itself");
        assertEquals(0, search(cpu, SearchPattern.of("Workload.computeHashes", true, false)).matches().length
                - asRegex.matches().length, "both find the same frames");
    }

    @Test
    void caseIsIgnoredUnlessMatchCaseIsOn() throws Exception {
        FrameSearch ignoring = search(cpu, SearchPattern.of("workload\\.COMPUTEHASHES", false, false));
        assertEquals(search(cpu, SearchPattern.regex("Workload\\.computeHashes")).matchedWeight(),
                ignoring.matchedWeight());
        assertTrue(ignoring.matchedWeight() > 0);
        assertTrue(search(cpu, SearchPattern.of("workload\\.COMPUTEHASHES", false, true)).isEmpty());
    }

    @Test
    void matchedWeightEqualsTheStacksWithAMatchingFrame() throws Exception {
        for (ViewKind view : new ViewKind[] {ViewKind.CPU, ViewKind.ALLOC}) {
            CallTree tree = CallTreeBuilder.build(profile, ProfileQuery.of(view));
            // "Workload" matches nested frames (main -> burnCpu -> computeHashes): each stack counts once
            for (String regex : new String[] {"Workload", "hashBlock|allocateBuffers", "^java\\.", "String",
                    "Workload\\..*Hash.*"}) {
                SearchPattern p = SearchPattern.regex(regex);
                FrameSearch s = search(tree, p);
                long expected = fromCollapsed(tree, p);
                assertEquals(expected, s.matchedWeight(), view + " /" + regex + "/");
                assertEquals(100.0 * expected / tree.total(), s.percent(), 1e-9);
                assertTrue(s.matchedWeight() <= tree.total());
            }
        }
        FrameSearch nested = search(cpu, SearchPattern.regex("Workload"));
        assertTrue(nested.matchedWeight() > 0 && nested.matchedWeight() < sumOfMatches(cpu, nested),
                "nested workload frames are counted once");
    }

    @Test
    void nextAndPreviousVisitTheHeaviestMatchFirst() throws Exception {
        FrameSearch s = search(cpu, SearchPattern.regex("Workload"));
        int[] order = s.matches();
        assertTrue(order.length > 2);
        for (int i = 1; i < order.length; i++) {
            assertTrue(cpu.total(order[i - 1]) >= cpu.total(order[i]), "match " + i + " is not lighter");
        }
        long heaviest = 0;
        int found = 0;
        for (int n = 1; n < cpu.size(); n++) {
            if (cpu.name(n).contains("Workload")) {
                heaviest = Math.max(heaviest, cpu.total(n));
                found++;
                assertTrue(s.matches(n));
            } else {
                assertFalse(s.matches(n), cpu.name(n));
            }
        }
        assertEquals(found, s.matchCount());
        assertEquals(heaviest, cpu.total(s.match(0)));
    }

    @Test
    void anInvalidExpressionIsASentenceAndPlainTextTakesIt() throws Exception {
        SearchPattern.InvalidSearchException e = assertThrows(SearchPattern.InvalidSearchException.class,
                () -> SearchPattern.regex("HashMap\\.("));
        assertTrue(e.getMessage().startsWith("\"HashMap\\.(\" is not a valid regular expression: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertTrue(SearchPattern.of("HashMap\\.(", true, false).matches("a HashMap\\.( b"));
        assertEquals("/Workload/i", SearchPattern.regex("Workload").describe());
        assertEquals("\"a.b\"", SearchPattern.of("a.b", true, true).describe());
    }

    @Test
    void aCancelledSearchStops() throws Exception {
        SearchPattern p = SearchPattern.regex("Workload");
        assertThrows(CancellationException.class, () -> FrameSearch.run(cpu, p, () -> true));
        assertTrue(FrameSearch.run(null, p).isEmpty());
        assertTrue(FrameSearch.run(cpu, null).isEmpty());
    }

    private static FrameSearch search(CallTree tree, SearchPattern p) {
        FrameSearch s = FrameSearch.run(tree, p);
        assertTrue(s.isFor(tree), "a search is for the tree it ran on");
        return s;
    }

    private static long sumOfMatches(CallTree tree, FrameSearch s) {
        long sum = 0;
        for (int n : s.matches()) {
            sum += tree.total(n);
        }
        return sum;
    }

    /** The weight of the collapsed stacks with a matching frame: counted without the tree walk. */
    private static long fromCollapsed(CallTree tree, SearchPattern p) {
        long sum = 0;
        for (Map.Entry<String, Long> e : Collapsed.toMap(tree).entrySet()) {
            for (String frame : e.getKey().split(";")) {
                if (p.matches(frame)) {
                    sum += e.getValue();
                    break;
                }
            }
        }
        return sum;
    }
}
