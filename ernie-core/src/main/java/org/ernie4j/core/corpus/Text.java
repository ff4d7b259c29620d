package org.ernie4j.core.corpus;

/**
 * Small text helpers shared by the file readers.
 */
final class Text
{
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Text() {}

    static String withoutByteOrderMark(String text)
    {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
