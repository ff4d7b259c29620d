package org.ernie4j.core.text.corpus;

/**
 * Small text helpers shared by the file readers.
 */
final class Text
{
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Text() {}

    /**
     * True if the text has a surrogate that is not half of a pair: JSON escapes can produce one, UTF-8 cannot encode it,
     * so it could not be stored as written.
     */
    static boolean hasUnpairedSurrogate(String text)
    {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static String withoutByteOrderMark(String text)
    {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
