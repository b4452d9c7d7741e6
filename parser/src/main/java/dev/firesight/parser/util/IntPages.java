package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * A growable int array held in pages of {@value #PAGE} ints (4 MB), so it never needs one free run of
 * memory the size of the whole array. A prefix tree of a deep recording has millions of nodes, and an
 * array of them that doubles by copying needs tens of MB in one piece beside the old copy: in a small heap
 * (a 228 MiB file at -Xmx256m on JDK 17) G1, which does not move such humongous arrays, found no run that
 * long and the load died of an OutOfMemoryError with the heap little more than half full. A page is still
 * large enough to be humongous itself, so young collections do not copy it over and over as they would
 * small blocks (with 32K-entry pages, that copying took a tenth of the interning time).
 *
 * <p>The first page grows by doubling up to the page size, so a small array stays small.
 */
public final class IntPages {
    static final int PAGE_BITS = 20;
    static final int PAGE = 1 << PAGE_BITS;
    static final int MASK = PAGE - 1;

    /** Room for a page of every int index, so pages are added in place and this array is never copied. */
    private final int[][] pages;
    private final int fill;
    /** Ints the pages hold. */
    private long capacity;

    /** Pages for at least {@code length} ints, all {@code fill}, which is also what growth adds. */
    public IntPages(int length, int fill) {
        this.fill = fill;
        this.pages = new int[1 << (31 - PAGE_BITS)][];
        pages[0] = filled(Math.max(16, Math.min(length, PAGE)));
        capacity = pages[0].length;
        ensure(length);
    }

    private IntPages(int[][] pages, int fill, long capacity) {
        this.pages = pages;
        this.fill = fill;
        this.capacity = capacity;
    }

    private int[] filled(int n) {
        int[] page = new int[n];
        if (fill != 0) {
            Arrays.fill(page, fill);
        }
        return page;
    }

    public int get(int index) {
        return pages[index >>> PAGE_BITS][index & MASK];
    }

    public void set(int index, int value) {
        pages[index >>> PAGE_BITS][index & MASK] = value;
    }

    /** Makes indexes below {@code length} writable. */
    public void ensure(int length) {
        while (capacity < length) {
            if (capacity < PAGE) {
                int n = (int) Math.min(PAGE, capacity * 2);
                int[] first = Arrays.copyOf(pages[0], n);
                if (fill != 0) {
                    Arrays.fill(first, (int) capacity, n, fill);
                }
                pages[0] = first;
                capacity = n;
            } else {
                int page = (int) (capacity >>> PAGE_BITS);
                pages[page] = filled(PAGE);
                capacity += PAGE;
            }
        }
    }

    /** Ints the pages hold now. */
    public long capacity() {
        return capacity;
    }

    /**
     * The pages as they are, shared: what is written later below {@code length} shows in both, so take
     * one only of a part that is written once and never again.
     */
    public IntPages snapshot(int length) {
        int used = (int) Math.max(1, ((long) length + MASK) >>> PAGE_BITS);
        return new IntPages(Arrays.copyOf(pages, pages.length), fill, Math.min(capacity, (long) used << PAGE_BITS));
    }

    public long bytes() {
        return 4L * capacity;
    }
}
