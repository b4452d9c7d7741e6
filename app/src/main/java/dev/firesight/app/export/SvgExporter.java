package dev.firesight.app.export;

import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.model.FrameText;
import dev.firesight.app.format.Units;
import dev.firesight.app.flame.model.FlameTree;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A standalone SVG of a {@link FlameView}: the same {@link FlameLayout} and colours as the window, a
 * {@code <title>} on every frame for hover text, and a small script for click-to-zoom. Names are only
 * ever written as escaped XML text; the script is constant and reads names back through the DOM.
 */
public final class SvgExporter {
    public static final int DEFAULT_WIDTH = 1200;
    static final double ROW_HEIGHT = 16;
    static final double FONT_SIZE = 11;
    /** Advance of one character of an 11 px monospace font. */
    static final double CHAR_WIDTH = 6.6;
    private static final double MARGIN = 10;
    private static final double HEADER = 46;
    private static final double NOTE_HEIGHT = 16;

    private SvgExporter() {
    }

    public static void write(FlameView view, Writer out) throws IOException {
        write(view, DEFAULT_WIDTH, out);
    }

    public static void write(FlameView view, int width, Writer out) throws IOException {
        FlameTree tree = view.flame();
        double framesWidth = width - 2 * MARGIN;
        FlameLayout layout = FlameLayout.compute(tree, view.zoomNode(), 0.5 / framesWidth);
        FrameSearch search = view.runSearch();
        double area = layout.rows() * ROW_HEIGHT;
        List<String> notes = tree.notes();
        List<FrameColors.LegendEntry> legend = tree.exportsLegend() ? tree.legend(view.colorMode()) : List.of();
        double header = HEADER + notes.size() * NOTE_HEIGHT + (legend.isEmpty() ? 0 : NOTE_HEIGHT);
        double height = header + area + MARGIN;
        StringBuilder s = new StringBuilder(64 * 1024);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(num(height)).append("\" font-family=\"monospace\" font-size=\"").append(num(FONT_SIZE))
                .append("\" data-frames-x=\"").append(num(MARGIN)).append("\" data-frames-width=\"")
                .append(num(framesWidth)).append("\" data-char-width=\"").append(num(CHAR_WIDTH)).append("\">\n");
        s.append("<style>").append(STYLE).append("</style>\n");
        boolean marked = false;
        for (int i = 0; i < layout.size() && !marked; i++) {
            marked = tree.mark(layout.node(i)) != FlameTree.Mark.NONE;
        }
        if (marked) {
            s.append("<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"6\" fill=\"#000\" "
                + "fill-opacity=\"0.35\"/></pattern></defs>\n");
        }
        s.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>\n");
        String title = tree.title();
        s.append("<text class=\"title\" x=\"").append(num(width / 2.0)).append("\" y=\"18\">")
                .append(Escape.xml(title)).append("</text>\n");
        s.append("<text class=\"sub\" x=\"").append(num(MARGIN)).append("\" y=\"36\">")
                .append(Escape.xml(subtitle(view, search))).append("</text>\n");
        s.append("<text id=\"reset\" class=\"btn\" x=\"").append(num(width - MARGIN)).append("\" y=\"36\" "
                + "style=\"display:none\">Reset zoom</text>\n");
        double y = HEADER;
        for (String note : notes) {
            s.append("<text class=\"note\" x=\"").append(num(MARGIN)).append("\" y=\"").append(num(y + 2))
                    .append("\">").append(Escape.xml(note)).append("</text>\n");
            y += NOTE_HEIGHT;
        }
        double lx = MARGIN;
        for (FrameColors.LegendEntry e : legend) {
            s.append("<rect x=\"").append(num(lx)).append("\" y=\"").append(num(y - 8)).append("\" width=\"10\" "
                    + "height=\"10\" fill=\"").append(FrameColors.hex(e.rgb())).append("\"/><text class=\"sub\" x=\"")
                    .append(num(lx + 14)).append("\" y=\"").append(num(y + 1)).append("\">").append(Escape.xml(e.label()))
                    .append("</text>\n");
            lx += 24 + e.label().length() * CHAR_WIDTH;
        }
        s.append("<g id=\"frames\" data-top=\"").append(num(header)).append("\">\n");
        out.write(s.toString());
        s.setLength(0);
        for (int i = 0; i < layout.size(); i++) {
            frame(s, view, layout, search, i, framesWidth, area, header);
            if (s.length() > 32 * 1024) {
                out.write(s.toString());
                s.setLength(0);
            }
        }
        s.append("</g>\n");
        s.append("<script type=\"text/ecmascript\"><![CDATA[").append(SCRIPT).append("]]></script>\n");
        s.append("</svg>\n");
        out.write(s.toString());
    }

    private static void frame(StringBuilder s, FlameView view, FlameLayout layout, FrameSearch search, int i,
                              double framesWidth, double area, double header) {
        FlameTree tree = layout.tree();
        int node = layout.node(i);
        double x = MARGIN + layout.x(i) * framesWidth;
        double w = layout.width(i) * framesWidth;
        double y = header + FlameLayout.rowTop(layout.depth(i), ROW_HEIGHT, area, view.icicle());
        int merged = layout.merged(i);
        if (merged > 0) {
            // the same merged run of sub-pixel frames as the window draws (FlameLayout#merged), no name
            double share = layout.width(i) * tree.weight(layout.zoomNode());
            s.append("<g class=\"f\" data-x=\"").append(layout.x(i)).append("\" data-w=\"").append(layout.width(i))
                    .append("\" data-d=\"").append(layout.depth(i)).append("\" data-merged=\"").append(merged)
                    .append("\"><title>").append(Escape.xml(Units.count(merged) + " frames, each narrower than a pixel ("
                            + Units.percent(share, tree.total()) + " together)"))
                    .append("</title><rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                    .append("\" width=\"").append(num(Math.max(w - 1, 0.5))).append("\" height=\"")
                    .append(num(ROW_HEIGHT - 1)).append("\" fill=\"").append(FrameColors.hex(FrameColors.MERGED))
                    .append("\"/><text x=\"").append(num(x + 3)).append("\" y=\"").append(num(y + ROW_HEIGHT - 4.5))
                    .append("\"></text></g>\n");
            return;
        }
        boolean match = search.matches(node);
        int rgb = match ? FrameColors.MATCH : tree.color(node, view.colorMode());
        s.append("<g class=\"f\" data-x=\"").append(layout.x(i)).append("\" data-w=\"").append(layout.width(i))
                .append("\" data-d=\"").append(layout.depth(i)).append("\"><title>")
                .append(Escape.xmlLines(tree.describe(node))).append("</title><rect x=\"")
                .append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(w - 1, 0.5))).append("\" height=\"").append(num(ROW_HEIGHT - 1))
                .append("\" fill=\"").append(FrameColors.hex(rgb)).append("\"/>");
        FlameTree.Mark mark = match ? FlameTree.Mark.NONE : tree.mark(node);
        if (mark != FlameTree.Mark.NONE) {
            // Same geometry as the fill, so the zoom script moves both.
            s.append("<rect class=\"").append(mark == FlameTree.Mark.ADDED ? "added" : "vanished").append("\" x=\"")
                    .append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(Math.max(w - 1, 0.5))).append("\" height=\"").append(num(ROW_HEIGHT - 1)).append("\"/>");
        }
        s.append("<text x=\"").append(num(x + 3))
                .append("\" y=\"").append(num(y + ROW_HEIGHT - 4.5)).append("\" fill=\"")
                .append(FrameColors.hex(FrameColors.textOn(rgb))).append("\">");
        String text = FrameText.fit(FrameText.display(tree.name(node)), w - 6, SvgExporter::charWidth);
        if (text != null) {
            s.append(Escape.xml(text));
        }
        s.append("</text></g>\n");
    }

    static String subtitle(FlameView view, FrameSearch search) {
        StringBuilder s = new StringBuilder();
        FlameTree tree = view.flame();
        int zoom = view.zoomNode();
        if (zoom != FlameTree.ROOT) {
            s.append("Zoomed to ").append(FrameText.display(tree.name(zoom))).append(" (")
                    .append(Units.percent(tree.weight(zoom), tree.total())).append(")");
        } else {
            s.append("Click a frame to zoom");
        }
        if (view.search() != null) {
            s.append("   Search ").append(view.search().describe()).append(": ")
                    .append(String.format(Locale.ROOT, "%.2f%%", search.percent())).append(" in ")
                    .append(search.matchCount()).append(" frames");
        }
        return s.toString();
    }

    /** Advance of a character in the export's monospace font: East Asian wide characters take two cells. */
    static double charWidth(char c) {
        return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                || (c >= 0xffe0 && c <= 0xffe6)) ? 2 * CHAR_WIDTH : CHAR_WIDTH;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static final String STYLE = ".bg{fill:#fbfaf8}.title{font-size:15px;text-anchor:middle;fill:#1a1a1a}"
            + ".sub{fill:#555}.note{fill:#8a4b00}rect.added{fill:url(#hatch)}"
            + "rect.vanished{fill:none;stroke:#1a1a1a;stroke-width:1.2;stroke-dasharray:4 3}"
            + ".btn{fill:#1a5fb4;text-anchor:end;cursor:pointer;text-decoration:underline}"
            + "g.f{cursor:pointer}g.f:hover rect{stroke:#1a1a1a;stroke-width:1}text{pointer-events:none;"
            + "white-space:pre}";

    /** Click-to-zoom. Constant text: no name is ever part of it. */
    private static final String SCRIPT = "\n(function(){\n"
            + "var svg=document.documentElement;\n"
            + "var X0=parseFloat(svg.getAttribute('data-frames-x')),W=parseFloat(svg.getAttribute('data-frames-width'));\n"
            + "var CW=parseFloat(svg.getAttribute('data-char-width'));\n"
            + "function num(g,a){return parseFloat(g.getAttribute(a));}\n"
            + "function fit(name,px){var n=Math.floor((px-6)/CW);if(n<2)return '';"
            + "return name.length<=n?name:name.substring(0,n-1)+'\\u2026';}\n"
            + "function place(g,x,w){var r=g.getElementsByTagName('rect')[0],t=g.getElementsByTagName('text')[0];"
            + "var ti=g.getElementsByTagName('title')[0],rs=g.getElementsByTagName('rect');"
            + "for(var i=0;i<rs.length;i++){rs[i].setAttribute('x',X0+x*W);"
            + "rs[i].setAttribute('width',Math.max(w*W-1,0.5));}t.setAttribute('x',X0+x*W+3);"
            + "t.textContent=fit(ti.textContent.split('\\n')[0],w*W);g.style.display='';}\n"
            + "function init(){\n"
            + "var frames=Array.prototype.slice.call(document.querySelectorAll('g.f'));\n"
            + "var reset=document.getElementById('reset');\n"
            + "function zoom(z){var zx=num(z,'data-x'),zw=num(z,'data-w'),zd=num(z,'data-d'),e=1e-9;\n"
            + "frames.forEach(function(g){var x=num(g,'data-x'),w=num(g,'data-w'),d=num(g,'data-d');\n"
            + "if(d<zd){if(x<=zx+e&&x+w>=zx+zw-e)place(g,0,1);else g.style.display='none';}\n"
            + "else if(x>=zx-e&&x+w<=zx+zw+e)place(g,(x-zx)/zw,w/zw);else g.style.display='none';});\n"
            + "reset.style.display=zw<1-e?'':'none';}\n"
            + "frames.forEach(function(g){g.addEventListener('click',function(){zoom(g);});});\n"
            + "reset.addEventListener('click',function(){frames.forEach(function(g){"
            + "place(g,num(g,'data-x'),num(g,'data-w'));});reset.style.display='none';});\n"
            + "}\n"
            + "if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',init);else init();\n"
            + "})();\n";
}
