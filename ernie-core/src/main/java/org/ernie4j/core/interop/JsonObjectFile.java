package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the JSON object of a Hugging Face file ({@code config.json}, {@code tokenizer.json}, ...), or fails naming the file. */
final class JsonObjectFile
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonObjectFile()
    {
    }

    static JsonNode read(Path file)
    {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        }
        catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InteropException(file, "does not exist", e);
        }
        catch (JsonProcessingException e) {
            throw new InteropException(file, "is not JSON: " + e.getOriginalMessage(), e);
        }
        catch (IOException e) {
            throw new InteropException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InteropException(file, "is not a JSON object");
        }
        return root;
    }
}
