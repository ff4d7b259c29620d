package org.ernie4j.core.text.corpus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One document per file, identified by its relative path, with the file's text unchanged except for a leading byte
 * order mark.
 */
final class TextFileReader
        implements CorpusReader.DocumentFileReader
{
    @Override
    public void read(Path file, String name, CorpusReader.Sink sink)
            throws IOException
    {
        // Decoded strictly: a file that changed since its check fails instead of being garbled.
        String text = CorpusFiles.readString(file);
        sink.document(RawDocument.ofText(name, null, Text.withoutByteOrderMark(text)));
    }
}
