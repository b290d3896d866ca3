package io.sluice.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plain-text table with aligned columns (numbers right-aligned), two spaces apart, a rule under the header. */
final class TextTable {
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Header names; a name starting with '>' marks a right-aligned column (the '>' is not printed). */
    TextTable(String... header) {
        this.header = new String[header.length];
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].startsWith(">");
            this.header[i] = rightAligned[i] ? header[i].substring(1) : header[i];
        }
    }

    TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.length);
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? Formats.UNKNOWN : cells[i];
        }
        rows.add(row);
        return this;
    }

    String render() {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        String[] rule = new String[header.length];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        line(out, rule, widths);
        for (String[] row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** The same table in Markdown (pipes in cells escaped; numbers right-aligned). */
    String markdown() {
        StringBuilder out = new StringBuilder("|");
        for (String h : header) {
            out.append(' ').append(h.replace("|", "\\|")).append(" |");
        }
        out.append("\n|");
        for (boolean right : rightAligned) {
            out.append(right ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (String[] row : rows) {
            out.append('|');
            for (String cell : row) {
                out.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The same table in HTML (numbers right-aligned with the "num" class). */
    String html() {
        StringBuilder out = new StringBuilder("<table>\n<tr>");
        for (String h : header) {
            out.append("<th>").append(Xml.escape(h)).append("</th>");
        }
        out.append("</tr>\n");
        for (String[] row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.length; i++) {
                out.append(rightAligned[i] ? "<td class=\"num\">" : "<td>").append(Xml.escape(row[i]))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /** {@code key: value} lines with the values aligned. */
    static String keyValues(Map<String, String> entries) {
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        entries.forEach((k, v) -> out.append(k).append(':').append(" ".repeat(width - k.length() + 1))
                .append(v).append('\n'));
        return out.toString();
    }
}
