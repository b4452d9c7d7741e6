package dev.firesight.app.cli;

import java.util.List;

/** Check results as a JUnit XML report, which CI systems show as test results. */
final class JUnitReport {
    private JUnitReport() {
    }

    static String of(String suite, List<CheckCommand.Result> results) {
        long failures = results.stream().filter(r -> r.failure() != null).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(results.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (CheckCommand.Result r : results) {
            xml.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(r.rule()))
                    .append('"');
            if (r.failure() == null) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(escape(r.failure())).append("\"/>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
