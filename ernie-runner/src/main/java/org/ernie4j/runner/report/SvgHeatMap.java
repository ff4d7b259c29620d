package org.ernie4j.runner.report;

import java.util.List;
import java.util.Locale;

/**
 * A matrix of numbers as an inline SVG heat map: one cell per row and column, shaded from light (low) to dark (high)
 * over the matrix's range, with the value written in each cell. Missing values (NaN) stay blank.
 */
final class SvgHeatMap
{
    private static final int CELL_WIDTH = 110;
    private static final int CELL_HEIGHT = 26;
    private static final int LABEL_WIDTH = 150;
    private static final int HEADER_HEIGHT = 40;

    private SvgHeatMap()
    {
    }

    /**
     * @param higherIsBetter true to shade high values green (accuracy), false to shade low values green (loss)
     */
    static String render(List<String> rowLabels, List<String> columnLabels, double[][] values, boolean higherIsBetter)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double value : row) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        int width = LABEL_WIDTH + columnLabels.size() * CELL_WIDTH + 10;
        int height = HEADER_HEIGHT + rowLabels.size() * CELL_HEIGHT + 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height, width, height));
        for (int column = 0; column < columnLabels.size(); column++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH / 2, HEADER_HEIGHT - 10, Html.escape(columnLabels.get(column))));
        }
        for (int row = 0; row < rowLabels.size(); row++) {
            int y = HEADER_HEIGHT + row * CELL_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL_WIDTH - 8, y + 17,
                    Html.escape(rowLabels.get(row))));
            for (int column = 0; column < columnLabels.size(); column++) {
                double value = values[row][column];
                int x = LABEL_WIDTH + column * CELL_WIDTH;
                if (!Double.isFinite(value)) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#fff\"/>%n",
                            x, y, CELL_WIDTH, CELL_HEIGHT));
                    continue;
                }
                double share = max > min ? (value - min) / (max - min) : 1;
                double goodness = higherIsBetter ? share : 1 - share;
                int lightness = (int) Math.round(92 - 55 * goodness);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"hsl(140,45%%,%d%%)\" stroke=\"#fff\"/>"
                        + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%.3f</text>%n", x, y, CELL_WIDTH, CELL_HEIGHT, lightness,
                        x + CELL_WIDTH / 2, y + 17, lightness < 55 ? "#fff" : "#000", value));
            }
        }
        return svg.append("</svg>\n").toString();
    }
}
