package io.sluice.bench.report;

import static io.sluice.bench.report.Formats.coordinate;

import io.sluice.bench.model.CellResult;
import io.sluice.bench.model.Estimate;
import io.sluice.bench.model.LatencySummary;
import java.util.List;

/** The report's charts as inline SVG, drawn here so the page needs nothing from the network. */
final class SvgCharts {
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
        "#e377c2"};
    private static final String[] PERCENTILE_LABELS = {"p50", "p90", "p99", "p99.9", "max"};

    private static final int LABEL_WIDTH = 330;
    private static final int BAR_AREA = 520;
    private static final int ROW_HEIGHT = 22;

    private SvgCharts() {
    }

    static String color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static boolean isOffScaleKind(CellResult cell) {
        return "producer".equals(cell.sink());
    }

    /** (a) One horizontal bar per cell with a throughput, 0 to the estimate, with the 95% interval as a whisker. */
    static String throughputBars(List<CellResult> cells) {
        // The producer-alone baseline runs ~30x faster than any HTTP cell: it is drawn off scale, so the
        // cells that matter are not squashed into slivers.
        boolean httpCells = cells.stream().anyMatch(c -> !isOffScaleKind(c));
        double max = 0;
        for (CellResult cell : cells) {
            if (cell.throughput() != null && !(httpCells && isOffScaleKind(cell))) {
                max = Math.max(max, finite(cell.throughput().upper(), cell.throughput().estimate()));
            }
        }
        double scale = max > 0 ? BAR_AREA / max : 0;
        int height = cells.size() * ROW_HEIGHT + 30;
        int width = LABEL_WIDTH + BAR_AREA + 160; // room for an off-scale label
        StringBuilder svg = open(width, height, "Throughput per cell, req/s with 95% interval");
        int y = 10;
        for (CellResult cell : cells) {
            svg.append("<g class=\"cell\">");
            svg.append(text(LABEL_WIDTH - 8, y + 14, "end", cell.id()));
            Estimate t = cell.throughput();
            if (t == null || Double.isNaN(t.estimate())) {
                svg.append(text(LABEL_WIDTH + 4, y + 14, "start", CellFacts.outcome(cell).toLowerCase()));
            } else if (t.estimate() * scale > BAR_AREA) {
                svg.append("<rect class=\"bar offscale\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3)
                        .append("\" width=\"").append(BAR_AREA).append("\" height=\"").append(ROW_HEIGHT - 8)
                        .append("\" fill-opacity=\"0.35\"><title>").append(Xml.escape(cell.id() + ": "
                                + Formats.rate(t.estimate()) + " req/s, off the scale of the HTTP cells"))
                        .append("</title></rect>");
                svg.append(text(LABEL_WIDTH + BAR_AREA + 6, y + 14, "start", Formats.rate(t.estimate()) + " (off scale)"));
            } else {
                double barEnd = LABEL_WIDTH + t.estimate() * scale;
                svg.append("<rect class=\"bar").append(CellFacts.failed(cell) ? " failed" : "")
                        .append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3)
                        .append("\" width=\"").append(coordinate(t.estimate() * scale))
                        .append("\" height=\"").append(ROW_HEIGHT - 8).append("\"><title>")
                        .append(Xml.escape(cell.id() + ": " + Formats.rate(t.lower()) + " / "
                                + Formats.rate(t.estimate()) + " / " + Formats.rate(t.upper()) + " req/s"))
                        .append("</title></rect>");
                double lo = LABEL_WIDTH + finite(t.lower(), t.estimate()) * scale;
                double hi = LABEL_WIDTH + finite(t.upper(), t.estimate()) * scale;
                double mid = y + ROW_HEIGHT / 2.0 - 1;
                line(svg, "whisker", lo, mid, hi, mid);
                line(svg, "whisker", lo, mid - 5, lo, mid + 5);
                line(svg, "whisker", hi, mid - 5, hi, mid + 5);
                svg.append(text(Math.max(barEnd, hi) + 6, y + 14, "start", Formats.rate(t.estimate())));
            }
            svg.append("</g>");
            y += ROW_HEIGHT;
        }
        line(svg, "axis", LABEL_WIDTH, 6, LABEL_WIDTH, y + 2);
        svg.append(text(LABEL_WIDTH + BAR_AREA, y + 16, "end", Formats.rate(max) + " req/s"));
        return svg.append("</svg>").toString();
    }

    /**
     * (b) Latency percentile curves: x is the "nines" axis (p50, p90, p99, p99.9, max evenly spaced, so each
     * step is ten times rarer), y is latency on a log scale, one coloured polyline per cell.
     */
    static String latencyCurves(List<CellResult> cells) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (CellResult cell : cells) {
            for (double v : values(cell.latency())) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        int left = 70;
        int top = 15;
        int plotWidth = 520;
        int plotHeight = 280;
        int legendHeight = top + 10 + cells.size() * 16;
        StringBuilder svg = open(left + plotWidth + 260, Math.max(top + plotHeight + 45, legendHeight),
                "Latency percentiles per cell");
        if (max == 0) {
            return svg.append(text(left, top + 20, "start", "no latency recorded")).append("</svg>").toString();
        }
        int lowDecade = (int) Math.floor(Math.log10(min));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(max)));
        double step = plotWidth / (double) (PERCENTILE_LABELS.length - 1);
        for (int d = lowDecade; d <= highDecade; d++) {
            double y = top + plotHeight - (d - lowDecade) * plotHeight / (double) (highDecade - lowDecade);
            line(svg, "grid", left, y, left + plotWidth, y);
            svg.append(text(left - 6, y + 4, "end", Formats.micros(Math.pow(10, d))));
        }
        for (int i = 0; i < PERCENTILE_LABELS.length; i++) {
            double x = left + i * step;
            line(svg, "grid", x, top, x, top + plotHeight);
            svg.append(text(x, top + plotHeight + 18, "middle", PERCENTILE_LABELS[i]));
        }
        int index = 0;
        for (CellResult cell : cells) {
            double[] v = values(cell.latency());
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                if (v[i] > 0) {
                    double y = top + plotHeight
                            - (Math.log10(v[i]) - lowDecade) * plotHeight / (highDecade - lowDecade);
                    points.append(coordinate(left + i * step)).append(',').append(coordinate(y)).append(' ');
                }
            }
            if (!points.isEmpty()) {
                svg.append("<polyline class=\"curve\" fill=\"none\" stroke=\"").append(color(index))
                        .append("\" points=\"").append(points.toString().trim()).append("\"><title>")
                        .append(Xml.escape(cell.id())).append("</title></polyline>");
                legend(svg, left + plotWidth + 16, top + 10 + index * 16, index, cell.id());
            }
            index++;
        }
        return svg.append("</svg>").toString();
    }

    /** (c) One small chart per cell: 2xx answers in each second of the measurement, from 0 to its peak. */
    static String timeline(CellResult cell, int index) {
        return series("Throughput per second: " + cell.id(), cell.perSecond(), index, "/s");
    }

    /**
     * A small line chart of one value per second, from 0 to its peak; a missing value ({@code null}) breaks
     * the line. The caption gives the length, the peak and the last value, with {@code unit}.
     */
    static String series(String label, List<? extends Number> values, int index, String unit) {
        int width = 300;
        int height = 70;
        StringBuilder svg = open(width, height + 18, label);
        if (values == null || values.stream().allMatch(v -> v == null)) {
            return svg.append(text(4, 20, "start", "no data")).append("</svg>").toString();
        }
        double peak = 0;
        for (Number v : values) {
            peak = Math.max(peak, v == null ? 0 : v.doubleValue());
        }
        double scale = peak > 0 ? peak : 1;
        double dx = values.size() > 1 ? (width - 8) / (double) (values.size() - 1) : 0;
        line(svg, "axis", 4, height - 4, width - 4, height - 4);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= values.size(); i++) {
            Number v = i < values.size() ? values.get(i) : null;
            if (v == null) {
                if (!points.isEmpty()) {
                    svg.append("<polyline class=\"timeline\" fill=\"none\" stroke=\"").append(color(index))
                            .append("\" points=\"").append(points.toString().trim()).append("\"/>");
                    points.setLength(0);
                }
                continue;
            }
            points.append(coordinate(4 + i * dx)).append(',')
                    .append(coordinate(4 + (height - 8) * (1 - v.doubleValue() / scale))).append(' ');
        }
        Number last = null;
        for (Number v : values) {
            last = v == null ? last : v;
        }
        svg.append(text(4, height + 14, "start", values.size() + " s, peak " + Formats.rate(peak) + unit
                + ", last " + Formats.rate(last == null ? Double.NaN : last.doubleValue()) + unit));
        return svg.append("</svg>").toString();
    }

    /** A moment to draw on a timeline: a vertical line at {@code second}, labelled. */
    record Marker(double second, String label, boolean judged) {
    }

    /**
     * A wide per-second timeline of {@code values} (index i = second i) with a dashed vertical line per marker
     * (judged ones red, others grey), each labelled with its number; a dotted horizontal line at
     * {@code threshold} when it is positive.
     */
    static String timelineWithMarkers(String label, List<? extends Number> values, List<Marker> markers,
                                      double threshold, String unit) {
        int width = 760;
        int height = 180;
        int left = 40;
        int right = width - 8;
        int top = 16;
        int bottom = height - 4;
        StringBuilder svg = open(width, height + 18, label);
        if (values == null || values.isEmpty()) {
            return svg.append(text(4, 20, "start", "no data")).append("</svg>").toString();
        }
        double peak = threshold;
        for (Number v : values) {
            peak = Math.max(peak, v == null ? 0 : v.doubleValue());
        }
        double scale = peak > 0 ? peak : 1;
        double dx = (right - left) / (double) Math.max(1, values.size());
        line(svg, "axis", left, bottom, right, bottom);
        line(svg, "axis", left, top, left, bottom);
        svg.append(text(left - 2, top + 4, "end", Formats.rate(peak)));
        svg.append(text(left - 2, bottom, "end", "0"));
        if (threshold > 0) {
            double y = bottom - (bottom - top) * threshold / scale;
            svg.append("<line class=\"threshold\" stroke=\"#888\" stroke-dasharray=\"2,3\" x1=\"")
                    .append(coordinate(left)).append("\" y1=\"").append(coordinate(y)).append("\" x2=\"")
                    .append(coordinate(right)).append("\" y2=\"").append(coordinate(y)).append("\"/>");
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i) == null ? 0 : values.get(i).doubleValue();
            points.append(coordinate(left + (i + 0.5) * dx)).append(',')
                    .append(coordinate(bottom - (bottom - top) * v / scale)).append(' ');
        }
        svg.append("<polyline class=\"timeline\" fill=\"none\" stroke=\"").append(color(0))
                .append("\" points=\"").append(points.toString().trim()).append("\"/>");
        for (int m = 0; m < markers.size(); m++) {
            Marker marker = markers.get(m);
            double x = left + marker.second() * dx;
            svg.append("<line class=\"event\" stroke=\"").append(marker.judged() ? "#c0392b" : "#999")
                    .append("\" stroke-dasharray=\"4,3\" x1=\"").append(coordinate(x)).append("\" y1=\"")
                    .append(coordinate(top)).append("\" x2=\"").append(coordinate(x)).append("\" y2=\"")
                    .append(coordinate(bottom)).append("\"><title>").append(Xml.escape(marker.label()))
                    .append("</title></line>");
            svg.append(text(x + 2, top - 4 + 10 * (m % 2), "start", Integer.toString(m + 1)));
        }
        svg.append(text(left, height + 14, "start", values.size() + " s; numbered lines: the events (red: "
                + "judged); dotted: the recovery threshold" + (unit.isEmpty() ? "" : "; unit " + unit)));
        return svg.append("</svg>").toString();
    }

    private static double[] values(LatencySummary l) {
        return l == null ? new double[0] : new double[] {l.p50(), l.p90(), l.p99(), l.p999(), l.max()};
    }

    private static double finite(double value, double fallback) {
        return Double.isNaN(value) || Double.isInfinite(value) ? fallback : value;
    }

    private static StringBuilder open(int width, int height, String label) {
        return new StringBuilder("<svg class=\"chart\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Xml.escape(label)).append("\">");
    }

    private static void line(StringBuilder svg, String cssClass, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(coordinate(x1))
                .append("\" y1=\"").append(coordinate(y1)).append("\" x2=\"").append(coordinate(x2))
                .append("\" y2=\"").append(coordinate(y2)).append("\"/>");
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + coordinate(x) + "\" y=\"" + coordinate(y) + "\" text-anchor=\"" + anchor + "\">"
                + Xml.escape(content) + "</text>";
    }

    private static void legend(StringBuilder svg, double x, double y, int index, String label) {
        svg.append("<rect class=\"swatch\" x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y - 9))
                .append("\" width=\"10\" height=\"10\" fill=\"").append(color(index)).append("\"/>");
        svg.append(text(x + 14, y, "start", label));
    }
}
