package dev.firesight.app.flame.model;

import dev.firesight.app.flame.SyntheticTrees;

import dev.firesight.parser.query.CallTree;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlameLayoutTest {
    private final CallTree tree = SyntheticTrees.of(
            "main;a;x 30",
            "main;a;y 10",
            "main;b 40",
            "main;c;z 1",
            "other 19");

    private int node(String... path) {
        int n = CallTree.ROOT;
        for (String p : path) {
            int c = tree.firstChild(n);
            while (!tree.name(c).equals(p)) {
                c = tree.nextSibling(c);
            }
            n = c;
        }
        return n;
    }

    @Test
    void widthsAreProportionalToTotalsAndSiblingsAreAdjacent() {
        FlameLayout l = FlameLayout.compute(tree, CallTree.ROOT, 0);
        assertEquals(tree.size(), l.size());
        for (int i = 0; i < l.size(); i++) {
            assertEquals((double) tree.total(l.node(i)) / tree.total(), l.width(i), 1e-12);
            assertEquals(tree.depth(l.node(i)), l.depth(i));
        }
        int a = l.indexOf(node("main", "a"));
        int b = l.indexOf(node("main", "b"));
        assertEquals(0.0, l.x(a), 1e-12);
        assertEquals(0.40, l.width(a), 1e-12);
        assertEquals(0.40, l.x(b), 1e-12, "b starts where a ends");
        assertEquals(0.81, l.x(l.indexOf(node("other"))), 1e-12, "other follows main (81 of 100)");
        assertEquals(node("main", "a", "y"), l.node(l.frameAt(0.35, 3)));
        assertEquals(-1, l.frameAt(0.45, 3), "nothing above b");
    }

    @Test
    void zoomScalesTheSubtreeAndKeepsAncestorsFullWidth() {
        int a = node("main", "a");
        FlameLayout l = FlameLayout.compute(tree, a, 0);
        assertEquals(a, l.zoomNode());
        assertEquals(1.0, l.width(l.indexOf(a)), 1e-12);
        assertEquals(1.0, l.width(l.indexOf(CallTree.ROOT)), 1e-12);
        assertEquals(1.0, l.width(l.indexOf(node("main"))), 1e-12);
        int x = l.indexOf(node("main", "a", "x"));
        int y = l.indexOf(node("main", "a", "y"));
        assertEquals(0.75, l.width(x), 1e-12);
        assertEquals(0.75, l.x(y), 1e-12);
        assertEquals(0.25, l.width(y), 1e-12);
        assertEquals(-1, l.indexOf(node("main", "b")), "siblings of the zoomed frame are hidden");
        assertEquals(-1, l.indexOf(node("other")));
        assertEquals(5, l.size());
    }

    @Test
    void flameHasTheRootAtTheBottomAndIcicleAtTheTop() {
        double h = 200;
        assertEquals(200 - 18, FlameLayout.rowTop(0, 18, h, false), 1e-12);
        assertEquals(200 - 3 * 18, FlameLayout.rowTop(2, 18, h, false), 1e-12);
        assertEquals(0, FlameLayout.rowTop(0, 18, h, true), 1e-12);
        assertEquals(36, FlameLayout.rowTop(2, 18, h, true), 1e-12);
        for (boolean icicle : new boolean[] {false, true}) {
            for (int d = 0; d < 5; d++) {
                double y = FlameLayout.rowTop(d, 18, h, icicle) + 9;
                assertEquals(d, FlameLayout.rowAt(y, 18, h, icicle));
            }
        }
    }

    @Test
    void framesNarrowerThanTheMinimumAreCulledWithTheirSubtrees() {
        FlameLayout l = FlameLayout.compute(tree, CallTree.ROOT, 0.05);
        assertEquals(-1, l.indexOf(node("main", "c")), "c is 1%");
        assertEquals(-1, l.indexOf(node("main", "c", "z")));
        for (int i = 0; i < l.size(); i++) {
            assertTrue(l.width(i) >= 0.05);
        }
        assertTrue(l.indexOf(node("main", "a", "y")) >= 0, "y is 10%");
        FlameLayout big = FlameLayout.compute(SyntheticTrees.random(50_000, 1), CallTree.ROOT, 0.5 / 1600);
        for (int i = 0; i < big.size(); i++) {
            assertTrue(big.width(i) >= 0.5 / 1600);
        }
        assertTrue(big.size() < 50_000, "a 50,000-node tree shows far fewer frames at 1600 px: " + big.size());
    }

    @Test
    void rowsAreOrderedLeftToRight() {
        FlameLayout l = FlameLayout.compute(SyntheticTrees.random(20_000, 2), CallTree.ROOT, 1e-4);
        for (int d = 0; d < l.rows(); d++) {
            for (int i = l.rowStart(d) + 1; i < l.rowEnd(d); i++) {
                assertTrue(l.x(i) >= l.x(i - 1) + l.width(i - 1) - 1e-9);
            }
        }
    }
}
