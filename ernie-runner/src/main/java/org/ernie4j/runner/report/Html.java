package org.ernie4j.runner.report;

/**
 * Escaping for text put into HTML and SVG.
 */
final class Html
{
    private Html()
    {
    }

    static String escape(String text)
    {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
