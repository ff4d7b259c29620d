package org.ernie4j.core.text.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT's pre-training layout: one sentence per line, blank lines between documents. Documents are identified as
 * {@code <file>#<n>}, counting from 1 within the file. Lines are stripped of surrounding white space; the document text is
 * its sentences joined by line feeds.
 */
final class BertFileReader
        implements CorpusReader.DocumentFileReader
{
    @Override
    public void read(Path file, String name, CorpusReader.Sink sink)
            throws IOException
    {
        List<String> sentences = new ArrayList<>();
        int documents = 0;
        try (BufferedReader reader = CorpusFiles.reader(file)) {
            boolean first = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (first) {
                    line = Text.withoutByteOrderMark(line);
                    first = false;
                }
                String sentence = line.strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
                else if (!sentences.isEmpty()) {
                    sink.document(RawDocument.ofSentences(name + "#" + ++documents, null, sentences));
                    sentences.clear();
                }
            }
        }
        if (!sentences.isEmpty()) {
            sink.document(RawDocument.ofSentences(name + "#" + ++documents, null, sentences));
        }
    }
}
