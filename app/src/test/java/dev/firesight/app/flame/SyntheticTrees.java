package dev.firesight.app.flame;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Call trees from explicit stacks, through a real {@link Profile} and {@link CallTreeBuilder}. */
public final class SyntheticTrees {
    private SyntheticTrees() {
    }

    /** A wall-clock tree from collapsed lines such as {@code "a;b;c 5"}. */
    public static CallTree of(String... lines) {
        List<String[]> stacks = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (String line : lines) {
            int sp = line.lastIndexOf(' ');
            stacks.add(line.substring(0, sp).split(";"));
            weights.add(Long.parseLong(line.substring(sp + 1)));
        }
        return build(stacks, weights);
    }

    /** A random tree of about {@code nodes} nodes (never fewer), deep and bushy like a real server's. */
    public static CallTree random(int nodes, long seed) {
        Random r = new Random(seed);
        int n = nodes + nodes / 20;
        int[] parent = new int[n];
        int[] depth = new int[n];
        boolean[] hasChild = new boolean[n];
        parent[0] = -1;
        for (int i = 1; i < n; i++) {
            // Mostly extend a recent node (deep chains), sometimes branch anywhere (bushy).
            int p = r.nextInt(10) < 7 ? Math.max(0, i - 1 - r.nextInt(Math.min(i, 30))) : r.nextInt(i);
            if (depth[p] > 60) {
                p = r.nextInt(Math.max(1, i / 2));
            }
            parent[i] = p;
            depth[i] = depth[p] + 1;
            hasChild[p] = true;
        }
        List<String[]> stacks = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (!hasChild[i]) {
                String[] s = new String[depth[i]];
                for (int a = i; a > 0; a = parent[a]) {
                    s[depth[a] - 1] = "com.example.pkg" + (a % 37) + ".Class" + (a % 911) + ".method" + a;
                }
                stacks.add(s);
                weights.add(1L + (r.nextInt(100) < 5 ? r.nextInt(5000) : r.nextInt(20)));
            }
        }
        return build(stacks, weights);
    }

    static CallTree build(List<String[]> stacks, List<Long> weights) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        int total = 0;
        for (String[] s : stacks) {
            total += s.length;
        }
        int[] pool = new int[total];
        int[] offsets = new int[stacks.size()];
        int[] lengths = new int[stacks.size()];
        int o = 0;
        for (int i = 0; i < stacks.size(); i++) {
            offsets[i] = o;
            lengths[i] = stacks.get(i).length;
            for (String f : stacks.get(i)) {
                pool[o++] = ids.computeIfAbsent(f, k -> {
                    names.add(k);
                    return names.size() - 1;
                });
            }
        }
        int count = names.size();
        int[] nameIds = new int[count];
        byte[] kinds = new byte[count];
        int[] lines = new int[count];
        int[] details = new int[count];
        FrameKind[] cycle = {FrameKind.JIT, FrameKind.JIT, FrameKind.INLINED, FrameKind.INTERPRETED, FrameKind.C1,
                FrameKind.NATIVE, FrameKind.CPP, FrameKind.KERNEL};
        for (int i = 0; i < count; i++) {
            nameIds[i] = i;
            kinds[i] = (byte) cycle[Math.floorMod(names.get(i).hashCode(), cycle.length)].ordinal();
            lines[i] = 10 + i % 300;
            details[i] = -1;
        }
        FrameTable frames = new FrameTable(names.toArray(new String[0]), nameIds, kinds, lines, details);
        StackTable stackTable = new StackTable(pool, offsets, lengths);
        int n = stacks.size();
        long[] times = new long[n];
        int[] stackIds = new int[n];
        long[] sampleWeights = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 1000L;
            stackIds[i] = i;
            sampleWeights[i] = weights.get(i);
        }
        SampleTable samples = SampleTable.of(ViewKind.WALL, 0, times, new int[n], stackIds, sampleWeights);
        RecordingInfo info = new RecordingInfo(Path.of("synthetic.jfr"), 0, "synthetic", 0, stacks.size() * 1000L,
                1, "", "", "", "", 0, "", "", Map.of(), List.of(), List.of());
        Profile profile = new Profile(info, Map.of(ViewKind.WALL, samples), frames, stackTable,
                new String[] {"main"}, Map.of(), List.of());
        return CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.WALL));
    }
}
