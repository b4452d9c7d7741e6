package dev.firesight.app.export;

import dev.firesight.app.flame.ChildRecordings;
import dev.firesight.app.flame.model.FrameText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapeTest {
    @Test
    void xmlLeavesNoMarkupAndOnlyXmlCharacters() {
        for (String name : ChildRecordings.HOSTILE_NAMES) {
            String x = Escape.xml(name);
            assertFalse(x.contains("<") || x.contains(">") || x.contains("\"") || x.contains("'"), x);
            assertFalse(x.contains("]]>"));
            assertEquals(x.replaceAll("&(amp|lt|gt|quot|#39);", "").indexOf('&'), -1, "every & starts an entity");
            for (int i = 0; i < x.length(); i++) {
                char c = x.charAt(i);
                assertTrue(c >= 0x20 && c != 0xfffe && c != 0xffff, "XML 1.0 character at " + i);
                assertFalse(c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200f,
                        "no bidi control at " + i);
            }
        }
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Escape.xml("a <b> & \"c\" 'd'"));
        assertEquals("nul\uFFFDx", Escape.xml("nul\u0000x"));
        assertEquals("line1\nline&lt;2", Escape.xmlLines("line1\nline<2"));
    }

    @Test
    void jsonIsPrintableAsciiAndRoundTripsToTheDisplayName() {
        for (String name : ChildRecordings.HOSTILE_NAMES) {
            String j = Escape.json(name);
            for (int i = 0; i < j.length(); i++) {
                char c = j.charAt(i);
                assertTrue(c >= 0x20 && c < 0x7f, "printable ASCII only");
                assertTrue(c != '<' && c != '>' && c != '&', "no < > & that could close a script");
            }
            assertEquals(FrameText.display(name), MiniJson.parse(j));
        }
        assertEquals("\"\\u003c\\u002fscript\\u003e\"", Escape.json("</script>"));
    }

    @Test
    void displayKeepsValidSurrogatePairsAndReplacesLoneOnes() {
        assertEquals("fire \uD83D\uDD25", FrameText.display("fire \uD83D\uDD25"));
        assertEquals("\uFFFDx\uFFFD", FrameText.display("\uD800x\uDC00"));
        assertEquals("\uFFFDgnp.exe\uFFFD", FrameText.display("\u202Egnp.exe\u202C"));
    }
}
