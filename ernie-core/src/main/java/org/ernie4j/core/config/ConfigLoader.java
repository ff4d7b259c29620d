package org.ernie4j.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.ernie4j.core.PublicApi;

/**
 * Reads a YAML configuration strictly: an unknown key, a value of the wrong type or an impossible combination is an error
 * that names the key's path and the file and line. Nothing is coerced: {@code hidden: "256"} is an error, not 256.
 */
@PublicApi
public final class ConfigLoader
{
    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public ConfigLoader()
    {
        this.yaml = configure(YAMLMapper.builder(new YAMLFactory()));
        this.json = configure(JsonMapper.builder());
    }

    private static ObjectMapper configure(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder)
    {
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // hidden: 2.5 would otherwise train with 2.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /** Reads and validates a configuration file. */
    public ErnieConfig load(Path file)
    {
        return parse(read(file), file.toString());
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (NoSuchFileException e) {
            throw new ConfigException("(file)", "configuration file " + file + " does not exist");
        }
        catch (IOException e) {
            throw new ConfigException("(file)", "cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates configuration text; {@code source} names it in errors. */
    public ErnieConfig parse(String text, String source)
    {
        KeyLines keys = KeyLines.of(text, source);
        ErnieConfig config;
        try {
            config = text.isBlank() ? ErnieConfig.defaults() : yaml.readValue(text, ErnieConfig.class);
            if (config == null) {
                config = ErnieConfig.defaults();
            }
        }
        catch (JsonMappingException e) {
            throw translate(e, source, text);
        }
        catch (JsonProcessingException e) {
            throw new ConfigException("(syntax)", source + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        }
        catch (ConfigException e) {
            throw e;
        }
        try {
            new ConfigValidator(config).validate();
        }
        catch (ConfigException e) {
            // The validator sees values, not text: the line of the key to change comes from the text.
            throw keys.locate(e.path(), e.problem(), e);
        }
        return config;
    }

    /**
     * The lines of the keys of a configuration file, to point at a key that only a later check finds wrong (a task
     * setting, say).
     */
    public KeyLines keyLines(Path file)
    {
        return KeyLines.of(read(file), file.toString());
    }

    /** Reads and validates a fine-tuning configuration file. */
    public FinetuneConfig loadFinetune(Path file)
    {
        String text = read(file);
        KeyLines.of(text, file.toString());
        try {
            FinetuneConfig config = yaml.readValue(text, FinetuneConfig.class);
            if (config == null) {
                throw new ConfigException("(top level)", file + " is empty");
            }
            return config.validated();
        }
        catch (JsonMappingException e) {
            throw translate(e, file.toString(), text);
        }
        catch (JsonProcessingException e) {
            throw new ConfigException("(syntax)", file + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A configuration recorded in a checkpoint. */
    public ErnieConfig fromJson(JsonNode node, String source)
    {
        try {
            ErnieConfig config = json.treeToValue(node, ErnieConfig.class);
            new ConfigValidator(config).validate();
            return config;
        }
        catch (JsonMappingException e) {
            throw translate(e, source, "");
        }
        catch (JsonProcessingException e) {
            throw new ConfigException("(syntax)", source + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The configuration with every default filled in, as recorded in checkpoints. */
    public JsonNode resolved(ErnieConfig config)
    {
        return json.valueToTree(config);
    }

    /** The configuration with every default filled in, as YAML. */
    public String toYaml(ErnieConfig config)
    {
        try {
            return yaml.writeValueAsString(config);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigException translate(JsonMappingException e, String source, String text)
    {
        String path = path(e.getPath());
        String where = source + at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            // The parser reports where it stopped, after the key's value; the key's own line is more useful.
            where = source + lineOf(text, unknown.getPropertyName()).map(line -> ", line " + line).orElse(at(e.getLocation()));
            List<String> known = new ArrayList<>();
            if (unknown.getKnownPropertyIds() != null) {
                unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            }
            return new ConfigException(path, "unknown key '" + unknown.getPropertyName() + "' (" + where + "); known keys here: "
                    + known.stream().sorted().collect(Collectors.joining(", ")), e);
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            // Jackson's own wording names its classes and coercion settings; a user needs the type wanted and the value found.
            return new ConfigException(path, "expected " + simpleType(mismatched.getTargetType()) + found(mismatched) + " (" + where + ")", e);
        }
        if (e.getCause() instanceof ConfigException config) {
            return config;
        }
        if (e.getCause() instanceof IllegalArgumentException | e.getCause() instanceof NullPointerException) {
            return new ConfigException(path, e.getCause().getMessage() + " (" + where + ")", e);
        }
        return new ConfigException(path, firstLine(e.getOriginalMessage()) + " (" + where + ")", e);
    }

    /** What the text had where a value of another type was wanted, as {@code ", not the text 'many'"}, or nothing when unknown. */
    private static String found(MismatchedInputException e)
    {
        if (e instanceof InvalidFormatException invalid) {
            return invalid.getValue() instanceof String text ? ", not the text '" + text + "'" : ", not " + invalid.getValue();
        }
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return "";
        }
        try {
            return switch (parser.currentToken()) {
                case VALUE_STRING -> ", not the text '" + parser.getText() + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", not " + parser.getText();
                case VALUE_TRUE, VALUE_FALSE -> ", not " + parser.getText();
                case START_OBJECT -> ", not a section of keys";
                case START_ARRAY -> ", not a list";
                default -> "";
            };
        }
        catch (IOException ignored) {
            return "";
        }
    }

    private static Optional<Integer> lineOf(String text, String key)
    {
        String[] lines = text.split("\n", -1);
        Pattern pattern = Pattern.compile("^[\\s-]*" + Pattern.quote(key) + "\\s*:");
        for (int i = 0; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).find()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String path(List<JsonMappingException.Reference> references)
    {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
            else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    private static String at(JsonLocation location)
    {
        return location == null || location.getLineNr() < 0 ? "" : ", line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String simpleType(Class<?> type)
    {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a section of keys";
        }
        return "a " + type.getSimpleName().replace("Section", " section").toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String message)
    {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
