package dev.firesight.parser.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes the JFR settings (.jfc) the fixture recordings use: the JDK's own {@code profile.jfc} with the
 * events the oracles read switched on and their thresholds at zero.
 *
 * <p>jdk.NativeMethodSample is switched off: async-profiler's converter counts it as CPU, the JDK oracle
 * does not, and with it off the two agree exactly on the cpu view.
 */
public final class JfrSettings {
    /** Event name → (setting name → value), applied over profile.jfc. */
    public static final Map<String, Map<String, String>> OVERRIDES = overrides();

    private JfrSettings() {
    }

    private static Map<String, Map<String, String>> overrides() {
        Map<String, Map<String, String>> o = new LinkedHashMap<>();
        o.put("jdk.ExecutionSample", Map.of("enabled", "true", "period", "10 ms"));
        o.put("jdk.NativeMethodSample", Map.of("enabled", "false"));
        o.put("jdk.CPUTimeSample", Map.of("enabled", "false"));
        o.put("jdk.ObjectAllocationInNewTLAB", Map.of("enabled", "true", "stackTrace", "true"));
        o.put("jdk.ObjectAllocationOutsideTLAB", Map.of("enabled", "true", "stackTrace", "true"));
        o.put("jdk.ObjectAllocationSample", Map.of("enabled", "true", "stackTrace", "true", "throttle", "300/s"));
        o.put("jdk.JavaMonitorEnter", Map.of("enabled", "true", "stackTrace", "true", "threshold", "0 ms"));
        o.put("jdk.ThreadPark", Map.of("enabled", "true", "stackTrace", "true", "threshold", "0 ms"));
        o.put("jdk.OldObjectSample", Map.of("enabled", "true", "stackTrace", "true", "cutoff", "0 ns"));
        o.put("jdk.GarbageCollection", Map.of("enabled", "true"));
        o.put("jdk.GCHeapSummary", Map.of("enabled", "true"));
        o.put("jdk.CPULoad", Map.of("enabled", "true", "period", "1 s"));
        o.put("jdk.JVMInformation", Map.of("enabled", "true", "period", "beginChunk"));
        o.put("jdk.InitialSystemProperty", Map.of("enabled", "true", "period", "beginChunk"));
        o.put("jdk.InitialEnvironmentVariable", Map.of("enabled", "true", "period", "beginChunk"));
        return Map.copyOf(o);
    }

    /**
     * Writes {@code target} from {@code <jdkHome>/lib/jfr/profile.jfc} with {@link #OVERRIDES} applied.
     * Events the JDK does not know (e.g. jdk.CPUTimeSample on JDK 17) are left out.
     */
    public static Path write(Path jdkHome, Path target) throws IOException {
        return write(jdkHome, target, Map.of());
    }

    /** As {@link #write(Path, Path)}, with {@code extra} applied after {@link #OVERRIDES} (same shape). */
    public static Path write(Path jdkHome, Path target, Map<String, Map<String, String>> extra) throws IOException {
        Path profile = jdkHome.resolve("lib/jfr/profile.jfc");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            Document doc = factory.newDocumentBuilder().parse(profile.toFile());
            NodeList events = doc.getElementsByTagName("event");
            for (int i = 0; i < events.getLength(); i++) {
                Element event = (Element) events.item(i);
                String name = event.getAttribute("name");
                Map<String, String> settings = new LinkedHashMap<>(OVERRIDES.getOrDefault(name, Map.of()));
                settings.putAll(extra.getOrDefault(name, Map.of()));
                if (!settings.isEmpty()) {
                    apply(doc, event, settings);
                }
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(target.toFile()));
            return target;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot write JFR settings from " + profile + ": " + e.getMessage(), e);
        }
    }

    private static void apply(Document doc, Element event, Map<String, String> settings) {
        Map<String, String> missing = new LinkedHashMap<>(settings);
        NodeList children = event.getElementsByTagName("setting");
        for (int j = 0; j < children.getLength(); j++) {
            Element setting = (Element) children.item(j);
            String value = missing.remove(setting.getAttribute("name"));
            if (value != null) {
                setting.removeAttribute("control");
                setting.setTextContent(value);
            }
        }
        missing.forEach((name, value) -> {
            Element setting = doc.createElement("setting");
            setting.setAttribute("name", name);
            setting.setTextContent(value);
            event.appendChild(setting);
        });
    }
}
