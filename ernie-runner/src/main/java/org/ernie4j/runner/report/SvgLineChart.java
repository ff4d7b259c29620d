package org.ernie4j.runner.report;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, self-contained (no scripts, no fonts to fetch): axes with round ticks, one coloured
 * polyline per series, optional vertical markers (stage boundaries) and a legend.
 */
final class SvgLineChart
{
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 60;
    private static final int RIGHT = 170;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private SvgLineChart()
    {
    }

    static String render(List<Series> series, List<Double> markers, String xLabel, String yLabel)
    {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series line : series) {
            for (double[] point : line.points()) {
                if (Double.isFinite(point[1])) {
                    minX = Math.min(minX, point[0]);
                    maxX = Math.max(maxX, point[0]);
                    minY = Math.min(minY, point[1]);
                    maxY = Math.max(maxY, point[1]);
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        if (!Double.isFinite(minX)) {
            return svg.append("<text x=\"20\" y=\"40\">no data</text></svg>\n").toString();
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY == minY) {
            maxY = minY + 1;
        }
        Scale x = new Scale(minX, maxX, LEFT, WIDTH - RIGHT);
        Scale y = new Scale(minY, maxY, HEIGHT - BOTTOM, TOP);
        axes(svg, x, y, xLabel, yLabel);
        for (double marker : markers) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>%n",
                    x.map(marker), TOP, x.map(marker), HEIGHT - BOTTOM));
        }
        for (int i = 0; i < series.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] point : series.get(i).points()) {
                if (Double.isFinite(point[1])) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.map(point[0]), y.map(point[1])));
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n", colour, points.toString().trim()));
            int legendY = TOP + 14 + i * 16;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 12, legendY - 4, WIDTH - RIGHT + 30, legendY - 4, colour,
                    WIDTH - RIGHT + 36, legendY, Html.escape(series.get(i).name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, Scale x, Scale y, String xLabel, String yLabel)
    {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", LEFT, HEIGHT - BOTTOM,
                WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        for (double tick : x.ticks()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x.map(tick), HEIGHT - BOTTOM + 15,
                    label(tick)));
        }
        for (double tick : y.ticks()) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, y.map(tick), WIDTH - RIGHT, y.map(tick), LEFT - 5,
                    y.map(tick) + 4, label(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", (LEFT + WIDTH - RIGHT) / 2,
                HEIGHT - 5, Html.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, Html.escape(yLabel)));
    }

    private static String label(double value)
    {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }

    /** A linear map from data to pixels with round ticks. */
    private record Scale(double from, double to, double pixelFrom, double pixelTo)
    {
        double map(double value)
        {
            return pixelFrom + (value - from) / (to - from) * (pixelTo - pixelFrom);
        }

        double[] ticks()
        {
            double raw = (to - from) / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double relative = raw / magnitude;
            double step = (relative < 1.5 ? 1 : relative < 3 ? 2 : relative < 7 ? 5 : 10) * magnitude;
            double first = Math.ceil(from / step) * step;
            int count = (int) Math.floor((to - first) / step) + 1;
            double[] ticks = new double[Math.max(0, count)];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = first + i * step;
            }
            return ticks;
        }
    }
}
