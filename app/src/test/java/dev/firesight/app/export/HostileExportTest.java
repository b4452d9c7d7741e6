package dev.firesight.app.export;

import dev.firesight.app.flame.ChildRecordings;
import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FrameText;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.SearchPattern;
import dev.firesight.parser.query.ProfileQuery;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports of a real recording whose threads have hostile names, split per thread so the names become
 * frames: the SVG must parse as XML and the HTML as a browser would, with every name only as text.
 */
class HostileExportTest {
    private static Profile profile;
    private static List<String> hostileThreads;

    @BeforeAll
    static void record() throws Exception {
        profile = ChildRecordings.hostile();
        hostileThreads = new ArrayList<>();
        for (int t = 0; t < profile.threadCount(); t++) {
            String n = profile.threadName(t);
            if (n.contains("<") || n.contains("\u202E") || n.contains("quotes") || n.contains("nul")
                    || n.contains("emoji") || n.length() > 60_000) {
                hostileThreads.add(n);
            }
        }
        assertTrue(profile.threadName(0) != null);
        assertTrue(hostileThreads.contains("<script>alert(1)</script>"), "the parser kept the name: " + hostileThreads);
        assertTrue(hostileThreads.stream().anyMatch(n -> n.length() >= 64 * 1024), "the 64 KB name survived");
        assertTrue(hostileThreads.size() >= 8, "hostile threads recorded: " + hostileThreads.size());
    }

    private static List<FlameView> views() throws SearchPattern.InvalidSearchException {
        List<FlameView> out = new ArrayList<>();
        for (ViewKind view : new ViewKind[] {ViewKind.CPU, ViewKind.ALLOC}) {
            CallTree tree = CallTreeBuilder.build(profile, ProfileQuery.of(view).withPerThread(true));
            out.add(FlameView.of(tree));
            out.add(new FlameView(tree, new int[0], SearchPattern.regex("script|<img"), true, ColorMode.PACKAGE));
            // Zoomed into a hostile thread: its name is in the subtitle too.
            for (int c = tree.firstChild(CallTree.ROOT); c != CallTree.NONE; c = tree.nextSibling(c)) {
                if (tree.name(c).startsWith("\"><img")) {
                    out.add(new FlameView(tree, tree.pathIds(c), SearchPattern.regex("\"><img"), false, ColorMode.KIND));
                }
            }
        }
        return out;
    }

    /** Names of frames a tree shows, as the exports must display them. */
    private static Set<String> hostileFramesOf(CallTree tree) {
        Set<String> out = new HashSet<>();
        for (int c = tree.firstChild(CallTree.ROOT); c != CallTree.NONE; c = tree.nextSibling(c)) {
            if (hostileThreads.contains(tree.name(c))) {
                out.add(FrameText.display(tree.name(c)));
            }
        }
        return out;
    }

    @Test
    void svgParsesAsXmlAndNamesAreOnlyText() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder b = f.newDocumentBuilder();
        Set<String> allowed = Set.of("svg", "style", "script", "rect", "text", "g", "title");
        int checked = 0;
        for (FlameView view : views()) {
            StringWriter w = new StringWriter();
            SvgExporter.write(view, w);
            String svg = w.toString();
            assertFalse(svg.contains("<img") || svg.contains("<script>alert") || svg.contains("\u202E")
                    || svg.contains("\u0000"), "no hostile text survives unescaped");
            org.w3c.dom.Document doc = b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            NodeList all = doc.getElementsByTagName("*");
            int scripts = 0;
            for (int i = 0; i < all.getLength(); i++) {
                org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
                assertTrue(allowed.contains(e.getLocalName()), "unexpected element " + e.getLocalName());
                NamedNodeMap attrs = e.getAttributes();
                for (int a = 0; a < attrs.getLength(); a++) {
                    assertFalse(attrs.item(a).getNodeName().toLowerCase().startsWith("on"),
                            "event attribute " + attrs.item(a).getNodeName());
                }
                if (e.getLocalName().equals("script")) {
                    scripts++;
                    assertTrue(e.getTextContent().startsWith("\n(function(){"), "only our script");
                }
            }
            assertEquals(1, scripts);
            Set<String> titles = new HashSet<>();
            NodeList t = doc.getElementsByTagName("title");
            for (int i = 0; i < t.getLength(); i++) {
                titles.add(t.item(i).getTextContent().split("\n")[0]);
            }
            Set<String> expected = hostileFramesOf(view.tree());
            if (view.zoomNode() == CallTree.ROOT) {
                assertTrue(expected.size() >= 8, "hostile threads have samples: " + expected.size());
                for (String name : expected) {
                    assertTrue(titles.contains(name), "hover title for " + abbreviate(name));
                    checked++;
                }
            }
        }
        assertTrue(checked >= 16);
    }

    @Test
    void htmlHasOnlyOurScriptsAndNamesOnlyInsideJson() throws Exception {
        String ourScript = new String(HtmlExporter.class.getResourceAsStream("flame-export.js").readAllBytes(),
                StandardCharsets.UTF_8);
        Set<String> allowed = Set.of("html", "head", "meta", "title", "style", "body", "header", "h1", "div",
                "input", "button", "span", "main", "canvas", "script");
        for (FlameView view : views()) {
            StringWriter w = new StringWriter();
            HtmlExporter.write(view, w);
            String html = w.toString();
            assertEquals(2, count(html, "</script"), "only our two script elements are closed");
            assertFalse(html.contains("<img") || html.contains("\u202E") || html.contains("\u2028"));
            Document doc = Jsoup.parse(html);
            Elements scripts = doc.select("script");
            assertEquals(2, scripts.size());
            Element data = scripts.get(0);
            assertEquals("application/json", data.attr("type"));
            assertEquals("flame-data", data.id());
            assertEquals(ourScript, scripts.get(1).data());
            assertEquals(0, scripts.get(1).attributesSize());
            for (Element e : doc.getAllElements()) {
                if (e == doc) {
                    continue;
                }
                assertTrue(allowed.contains(e.tagName()), "unexpected element <" + e.tagName() + ">");
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), "event attribute " + a.getKey());
                }
            }
            String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertTrue(csp.contains("script-src '" + HtmlExporter.sha256(ourScript) + "'"), csp);
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) MiniJson.parse(data.data());
            @SuppressWarnings("unchecked")
            List<Object> names = (List<Object>) json.get("names");
            for (String name : hostileFramesOf(view.tree())) {
                assertTrue(names.contains(name), "JSON carries " + abbreviate(name));
            }
            if (view.search() != null) {
                assertEquals(FrameText.display(view.search().text()), json.get("search"));
            }
            assertTrue(doc.title().startsWith("hostile.jfr"));
        }
    }

    @Test
    void cliExportsSvgAndHtmlThroughTheSameRenderer() throws Exception {
        Path file = ChildRecordings.hostileFile();
        Path dir = Files.createTempDirectory("flame-cli");
        for (String format : new String[] {"svg", "html"}) {
            Path out = dir.resolve("out." + format);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = dev.firesight.app.cli.Cli.run(new String[] {"export", file.toString(), "--format", format,
                    "--threads", "--view", "cpu", "-o", out.toString()}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err));
            assertEquals(0, code, err.toString());
            String text = Files.readString(out);
            StringWriter direct = new StringWriter();
            FlameView view = FlameView.of(CallTreeBuilder.build(profile,
                    ProfileQuery.of(ViewKind.CPU).withPerThread(true)));
            ExportFormat.valueOf(format.toUpperCase()).write(view, direct);
            assertEquals(direct.toString(), text);
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "... (" + s.length() + " chars)" : s;
    }
}
