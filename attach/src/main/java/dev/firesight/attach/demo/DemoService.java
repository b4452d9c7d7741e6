package dev.firesight.attach.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small service to record while learning Firesight. It handles fake orders in a loop: pricing an
 * order churns through short-lived objects (the allocation hot path, {@link #priceOrder}), and every
 * order leaves a line in an audit log that is never trimmed (a slow leak, {@link AuditLog#record}).
 * It runs until killed.
 */
public final class DemoService {
    private final AuditLog audit = new AuditLog();
    private long orders;
    private volatile long checksum;

    public static void main(String[] args) throws InterruptedException {
        new DemoService().run();
    }

    /** Serves orders forever on the calling thread. */
    public void run() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            handleOrder();
            if (++orders % 2_000 == 0) {
                Thread.sleep(1);
            }
        }
    }

    void handleOrder() {
        long cents = priceOrder(ThreadLocalRandom.current().nextInt(5, 40));
        audit.record(orders, cents);
        checksum += cents;
    }

    /** The allocation hot path: builds and discards a basket of line items for every order. */
    static long priceOrder(int items) {
        List<Map<String, Object>> basket = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, Object> line = new HashMap<>();
            line.put("sku", "SKU-" + i);
            line.put("quantity", 1 + i % 3);
            line.put("price", new long[] {199 + i, 0, 0, 0});
            basket.add(line);
        }
        long total = 0;
        for (Map<String, Object> line : basket) {
            total += ((long[]) line.get("price"))[0] * (Integer) line.get("quantity");
        }
        return total;
    }

    /** Keeps one entry per order for "auditing" and never drops any: a leak of one short string every 256 orders. */
    static final class AuditLog {
        private final List<String> entries = new ArrayList<>();

        void record(long order, long cents) {
            if (order % 256 == 0) {
                entries.add("order " + order + " total " + cents);
            }
        }

        int size() {
            return entries.size();
        }
    }
}
