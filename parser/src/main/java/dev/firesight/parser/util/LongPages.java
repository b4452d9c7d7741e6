package dev.firesight.parser.util;

import java.util.Arrays;

/** The long twin of {@link IntPages} (see there why), in pages of the same length; new slots are 0. */
public final class LongPages {
    /** Room for a page of every int index, so pages are added in place and this array is never copied. */
    private final long[][] pages;
    private long capacity;

    public LongPages(int length) {
        pages = new long[1 << (31 - IntPages.PAGE_BITS)][];
        pages[0] = new long[Math.max(16, Math.min(length, IntPages.PAGE))];
        capacity = pages[0].length;
        ensure(length);
    }

    private LongPages(long[][] pages, long capacity) {
        this.pages = pages;
        this.capacity = capacity;
    }

    public long get(int index) {
        return pages[index >>> IntPages.PAGE_BITS][index & IntPages.MASK];
    }

    public void set(int index, long value) {
        pages[index >>> IntPages.PAGE_BITS][index & IntPages.MASK] = value;
    }

    /** Makes indexes below {@code length} writable. */
    public void ensure(int length) {
        while (capacity < length) {
            if (capacity < IntPages.PAGE) {
                int n = (int) Math.min(IntPages.PAGE, capacity * 2);
                pages[0] = Arrays.copyOf(pages[0], n);
                capacity = n;
            } else {
                int page = (int) (capacity >>> IntPages.PAGE_BITS);
                pages[page] = new long[IntPages.PAGE];
                capacity += IntPages.PAGE;
            }
        }
    }

    /** Longs the pages hold now. */
    public long capacity() {
        return capacity;
    }

    /** The pages as they are, shared, as {@link IntPages#snapshot} shares them. */
    public LongPages snapshot(int length) {
        int used = (int) Math.max(1, ((long) length + IntPages.MASK) >>> IntPages.PAGE_BITS);
        return new LongPages(Arrays.copyOf(pages, pages.length), Math.min(capacity, (long) used << IntPages.PAGE_BITS));
    }

    public long bytes() {
        return 8L * capacity;
    }
}
