package org.ernie4j.core.text.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON object per line: {@code text} (required), {@code id} (a string or number; {@code <file>:<line>} when absent)
 * and {@code title} (optional). Other fields are ignored. A line that is not such an object is skipped and counted.
 */
final class JsonlFileReader
        implements CorpusReader.DocumentFileReader
{
    // Trailing text after the object means the line is not what it seems (two records run together, say): skip it.
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void read(Path file, String name, CorpusReader.Sink sink)
            throws IOException
    {
        try (BufferedReader reader = CorpusFiles.reader(file)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1) {
                    line = Text.withoutByteOrderMark(line);
                }
                if (!line.isBlank()) {
                    readRecord(line, name, lineNumber, sink);
                }
            }
        }
    }

    private void readRecord(String line, String name, long lineNumber, CorpusReader.Sink sink)
    {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        }
        catch (JsonProcessingException e) {
            sink.skipLine(SkipReason.MALFORMED_JSON, name, lineNumber, e.getOriginalMessage());
            return;
        }
        if (node == null || !node.isObject()) {
            sink.skipLine(SkipReason.MALFORMED_JSON, name, lineNumber, "not a JSON object");
            return;
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            sink.skipLine(SkipReason.MALFORMED_JSON, name, lineNumber, "no string field 'text'");
            return;
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isNull() && !id.isTextual() && !id.isIntegralNumber()) {
            sink.skipLine(SkipReason.MALFORMED_JSON, name, lineNumber, "field 'id' is neither a string nor an integer");
            return;
        }
        JsonNode title = node.get("title");
        if (title != null && !title.isNull() && !title.isTextual()) {
            sink.skipLine(SkipReason.MALFORMED_JSON, name, lineNumber, "field 'title' is not a string");
            return;
        }
        for (JsonNode field : new JsonNode[] {text, id, title}) {
            if (field != null && field.isTextual() && Text.hasUnpairedSurrogate(field.asText())) {
                sink.skipLine(SkipReason.MALFORMED_JSON, name, lineNumber, "a string has an unpaired surrogate escape");
                return;
            }
        }
        if (text.asText().isBlank()) {
            sink.skipLine(SkipReason.EMPTY, name, lineNumber, "blank 'text'");
            return;
        }
        String documentId = id == null || id.isNull() ? name + ":" + lineNumber : id.asText();
        String documentTitle = title == null || title.isNull() ? null : title.asText();
        sink.document(RawDocument.ofText(documentId, documentTitle, text.asText()));
    }
}
