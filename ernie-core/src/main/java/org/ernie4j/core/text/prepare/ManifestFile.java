package org.ernie4j.core.text.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.ernie4j.core.text.wordpiece.TokenizerSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code manifest.json}. Reading is strict: an unknown or missing property is an error naming it, so a
 * manifest edited by hand or written by another version is not half understood.
 */
final class ManifestFile
{
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ManifestFile() {}

    static void write(Path file, Manifest manifest)
    {
        try {
            Files.writeString(file, MAPPER.writeValueAsString(manifest) + "\n");
        }
        catch (IOException e) {
            throw new OutputWriteException("Cannot write manifest " + file + ": " + e.getMessage(), e);
        }
    }

    static Manifest read(Path file)
    {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file));
        }
        catch (NoSuchFileException e) {
            throw new PreparedCorpusException("No prepared corpus in " + file.getParent() + ": " + file.getFileName() + " is missing");
        }
        catch (JsonProcessingException e) {
            throw new PreparedCorpusException("Manifest " + file + " is not valid JSON: " + e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read manifest " + file, e);
        }
        // The version first, so that a newer format is reported as such rather than as an unknown property.
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw new PreparedCorpusException("Manifest " + file + " has no formatVersion");
        }
        if (version.intValue() == 1 && tree.path("settings").isObject() && !tree.path("settings").has("tokenization")) {
            // Version 1 did not record how words were split because it knew one way only: uncased BERT's. Its corpora
            // stay readable as that, so that long runs need not prepare their corpus again.
            ((ObjectNode) tree.get("settings")).set("tokenization", MAPPER.valueToTree(PreparedTokenization.of(TokenizerSettings.UNCASED)));
        }
        else if (version.intValue() != Manifest.FORMAT_VERSION) {
            throw new PreparedCorpusException("Manifest " + file + " has format version " + version.intValue()
                    + "; this version of ernie4j reads version " + Manifest.FORMAT_VERSION + ": prepare the corpus again");
        }
        try {
            return MAPPER.treeToValue(tree, Manifest.class);
        }
        catch (JsonMappingException e) {
            throw new PreparedCorpusException("Manifest " + file + " is not valid at " + path(e) + ": " + e.getOriginalMessage());
        }
        catch (JsonProcessingException e) {
            throw new PreparedCorpusException("Manifest " + file + " is not valid: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e)
    {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
            else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }
}
