package org.ernie4j.core.testing;

import java.util.Arrays;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

/**
 * Renders every field of a document as text, so that tests can compare documents, which have no equals().
 */
public final class TestingDocuments
{
    private TestingDocuments() {}

    public static String render(Document document)
    {
        StringBuilder out = new StringBuilder();
        out.append("document ").append(document.id()).append(" title ").append(document.title().orElse("<none>")).append('\n');
        for (Sentence sentence : document.sentences()) {
            out.append("  sentence ").append(sentence.start()).append(' ').append(sentence.text()).append('\n');
            for (Token token : sentence.tokens()) {
                out.append("    ").append(token.surface()).append(' ').append(token.start()).append(' ').append(token.pos())
                        .append(' ').append(Arrays.toString(token.pieceIds())).append('\n');
            }
            out.append("    chunks ").append(sentence.chunks()).append('\n');
            out.append("    entities ").append(sentence.entities()).append('\n');
        }
        return out.toString();
    }
}
