package io.sluice.bench.report;

/** Escaping for text and attribute values in the HTML/SVG report, which is also well-formed XML. */
final class Xml {
    private Xml() {
    }

    /**
     * Escapes the five XML special characters and replaces characters XML cannot carry at all (control
     * characters other than tab, newline and carriage return) with '?'. Null becomes "".
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
                    out.append(allowed && c != 0xFFFE && c != 0xFFFF ? c : '?');
                }
            }
        }
        return out.toString();
    }
}
