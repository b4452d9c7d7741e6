package dev.firesight.app.export;

import dev.firesight.parser.query.FrameSearch;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.parser.FrameKind;
import dev.firesight.parser.query.CallTree;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained, offline HTML file: the tree's frames as JSON in a non-executed
 * {@code application/json} block, drawn on a canvas by a fixed script of our own with zoom, hover and
 * search. Names exist only inside JSON strings (see {@link Escape#json}); the page's Content Security
 * Policy allows only that script, by hash, so even an injected script element would not run.
 */
public final class HtmlExporter {
    /** Frames narrower than this share of the zoomed frame at 2000 px are left out of the file. */
    private static final double MIN_FRACTION = 0.5 / 2000;
    private static final int MAX_NODES = 300_000;

    private static final String SCRIPT = resource("flame-export.js");
    private static final String STYLE = resource("flame-export.css");

    private HtmlExporter() {
    }

    public static void write(FlameView view, Writer out) throws IOException {
        FlameTree tree = view.flame();
        int zoom = view.zoomNode();
        int[] nodes = select(tree, zoom);
        FrameSearch search = view.runSearch();
        String title = tree.title();
        CallTree callTree = view.tree();
        if (callTree != null && callTree.profile().info() != null && callTree.profile().info().path() != null) {
            title = callTree.profile().info().path().getFileName() + " \u2014 " + title;
        }
        StringBuilder s = new StringBuilder(256 * 1024);
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '")
                .append(sha256(SCRIPT)).append("'; style-src 'unsafe-inline'\">\n");
        s.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        s.append("<title>").append(Escape.xml(title)).append("</title>\n");
        s.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(Escape.xml(title)).append("</h1>\n<div class=\"bar\">")
                .append("<input id=\"search\" type=\"search\" placeholder=\"Search (regular expression)\" "
                        + "aria-label=\"Search\">")
                .append("<button id=\"reset\" type=\"button\">Reset zoom</button><span id=\"status\"></span></div>\n")
                .append(notes(tree, view)).append("<div id=\"crumbs\"></div>\n</header>\n<main><canvas id=\"flame\"></canvas></main>\n")
                .append("<div id=\"tip\"></div>\n");
        out.write(s.toString());
        s.setLength(0);
        s.append("<script type=\"application/json\" id=\"flame-data\">");
        data(s, view, tree, nodes, zoom, search);
        s.append("</script>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(s.toString());
    }

    /** Nodes kept, in pre-order (parents first, siblings in tree order); node 0 is the root. */
    static int[] select(FlameTree tree, int zoom) {
        double threshold = Math.max(Double.MIN_VALUE, tree.weight(zoom) * MIN_FRACTION);
        while (true) {
            int[] out = new int[Math.min(tree.size(), 1024)];
            int count = 0;
            int[] stack = new int[64];
            int top = 0;
            stack[top++] = FlameTree.ROOT;
            boolean full = false;
            while (top > 0) {
                int node = stack[--top];
                if (count == out.length) {
                    if (count >= MAX_NODES) {
                        full = true;
                        break;
                    }
                    out = Arrays.copyOf(out, Math.min(MAX_NODES, count * 2));
                }
                out[count++] = node;
                int mark = top;
                for (int c = tree.firstChild(node); c != FlameTree.NONE; c = tree.nextSibling(c)) {
                    if (tree.weight(c) >= threshold || isOnPath(tree, c, zoom)) {
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = c;
                    }
                }
                for (int i = mark, j = top - 1; i < j; i++, j--) {
                    int t = stack[i];
                    stack[i] = stack[j];
                    stack[j] = t;
                }
            }
            if (!full) {
                return Arrays.copyOf(out, count);
            }
            threshold *= 2;
        }
    }

    private static boolean isOnPath(FlameTree tree, int node, int zoom) {
        for (int a = zoom; a != FlameTree.NONE; a = tree.parent(a)) {
            if (a == node) {
                return true;
            }
        }
        return false;
    }

    private static void data(StringBuilder s, FlameView view, FlameTree tree, int[] nodes, int zoom,
                             FrameSearch search) {
        Map<Integer, Integer> index = new HashMap<>(nodes.length * 2);
        for (int i = 0; i < nodes.length; i++) {
            index.put(nodes[i], i);
        }
        Map<String, Integer> names = new HashMap<>();
        List<String> nameList = new ArrayList<>();
        Map<Integer, Integer> palette = new HashMap<>();
        List<Integer> colors = new ArrayList<>();
        palette.put(FrameColors.MATCH, 0);
        colors.add(FrameColors.MATCH);
        StringBuilder p = new StringBuilder();
        StringBuilder n = new StringBuilder();
        StringBuilder k = new StringBuilder();
        StringBuilder c = new StringBuilder();
        StringBuilder t = new StringBuilder();
        StringBuilder self = new StringBuilder();
        StringBuilder l = new StringBuilder();
        StringBuilder d = new StringBuilder();
        StringBuilder m = new StringBuilder();
        StringBuilder tips = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < nodes.length; i++) {
            int node = nodes[i];
            String sep = i == 0 ? "" : ",";
            p.append(sep).append(node == FlameTree.ROOT ? -1 : index.get(tree.parent(node)));
            n.append(sep).append(node == FlameTree.ROOT ? -1 : intern(names, nameList, tree.name(node)));
            k.append(sep).append(tree.kind(node).ordinal());
            int rgb = tree.color(node, view.colorMode());
            Integer ci = palette.get(rgb);
            if (ci == null) {
                ci = colors.size();
                palette.put(rgb, ci);
                colors.add(rgb);
            }
            c.append(sep).append(ci);
            t.append(sep).append(number(tree.weight(node)));
            self.append(sep).append(number(tree.selfWeight(node)));
            l.append(sep).append(tree.line(node));
            String lib = tree.library(node);
            if (tree.ownDescriptions()) {
                tips.append(sep).append(Escape.json(tree.describe(node)));
            }
            marks.append(sep).append(tree.mark(node).ordinal());
            d.append(sep).append(lib == null ? -1 : intern(names, nameList, lib));
            if (search.matches(node)) {
                m.append(m.length() == 0 ? "" : ",").append(i);
            }
        }
        s.append("{\"unit\":").append(Escape.json(tree.unitLabel()));
        s.append(",\"icicle\":").append(view.icicle());
        s.append(",\"zoom\":").append(index.get(zoom));
        s.append(",\"search\":").append(view.search() == null ? "null" : Escape.json(view.search().text()));
        s.append(",\"searchPlain\":").append(view.search() != null && view.search().plainText());
        s.append(",\"searchCase\":").append(view.search() != null && view.search().matchCase());
        s.append(",\"searchResult\":").append(Escape.json(searchText(tree, search)));
        s.append(",\"kinds\":[");
        for (FrameKind kind : FrameKind.values()) {
            s.append(kind.ordinal() == 0 ? "" : ",").append(Escape.json(kind.label()));
        }
        s.append("],\"palette\":[");
        for (int i = 0; i < colors.size(); i++) {
            s.append(i == 0 ? "" : ",").append('"').append(FrameColors.hex(colors.get(i))).append('"');
        }
        s.append("],\"textPalette\":[");
        for (int i = 0; i < colors.size(); i++) {
            s.append(i == 0 ? "" : ",").append('"').append(FrameColors.hex(FrameColors.textOn(colors.get(i))))
                    .append('"');
        }
        s.append("],\"matchText\":0,\"names\":[");
        for (int i = 0; i < nameList.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(Escape.json(nameList.get(i)));
        }
        s.append("],\"p\":[").append(p).append("],\"n\":[").append(n).append("],\"k\":[").append(k)
                .append("],\"c\":[").append(c).append("],\"t\":[").append(t).append("],\"s\":[").append(self)
                .append("],\"l\":[").append(l).append("],\"d\":[").append(d).append("],\"m\":[").append(m)
                .append("],\"mk\":[").append(marks).append(']');
        if (tree.ownDescriptions()) {
            s.append(",\"tips\":[").append(tips).append(']');
        }
        s.append('}');
    }

    /** Weights as JSON numbers: integers stay integers, fractions keep six significant digits. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The tree's notes and, for trees whose colours need it, a legend, as escaped header lines. */
    private static String notes(FlameTree tree, FlameView view) {
        StringBuilder s = new StringBuilder();
        for (String note : tree.notes()) {
            s.append("<p class=\"note\">").append(Escape.xml(note)).append("</p>");
        }
        if (tree.exportsLegend()) {
            s.append("<div class=\"legend\">");
            for (FrameColors.LegendEntry e : tree.legend(view.colorMode())) {
                s.append("<span><i style=\"background:").append(FrameColors.hex(e.rgb())).append("\"></i>")
                        .append(Escape.xml(e.label())).append("</span>");
            }
            s.append("</div>");
        }
        return s.append('\n').toString();
    }

    private static String searchText(FlameTree tree, FrameSearch search) {
        if (search.isEmpty()) {
            return "";
        }
        return "Matched " + String.format(Locale.ROOT, "%.2f%%", search.percent()) + " ("
                + tree.formatWeight(search.matchedWeight()) + ") in " + search.matchCount() + " frames";
    }

    private static int intern(Map<String, Integer> names, List<String> list, String name) {
        return names.computeIfAbsent(name, x -> {
            list.add(x);
            return list.size() - 1;
        });
    }

    static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
