package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * The safetensors format, read and written by ernie4j itself: an 8-byte little-endian header length, a JSON header that
 * maps each tensor name to its {@code dtype}, {@code shape} and {@code data_offsets} (begin and end, relative to the data
 * after the header) plus an optional {@code __metadata__} object of strings, then the raw little-endian data, row-major.
 *
 * <p>Reading is strict, because a half-broken weight file would otherwise train silently wrong: the offsets must lie in
 * the file, match the dtype and shape, and together cover the data exactly once. Writing is deterministic: tensors in the
 * given order, contiguous, the header padded with spaces to a multiple of 8 bytes, so the same tensors always give the same
 * bytes.
 *
 * @param tensors the tensors by name, in file order
 * @param metadata the {@code __metadata__} strings
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata)
{
    /** A header longer than this is not a weight file's header (BERT-large's is about 40 KB). */
    private static final long MAX_HEADER = 100L << 20;
    private static final String METADATA = "__metadata__";
    // Duplicate names would make one tensor silently win over another.
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public SafetensorsFile
    {
        tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tensors, "tensors is null")));
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(metadata, "metadata is null")));
    }

    public static SafetensorsFile read(Path file)
    {
        requireNonNull(file, "file is null");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new InteropException(file, "is not a safetensors file: " + size + " bytes, shorter than the 8-byte header length");
            }
            long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength <= 1 || headerLength > MAX_HEADER || headerLength > size - 8) {
                throw new InteropException(file, "is not a safetensors file: its header length " + Long.toUnsignedString(headerLength)
                        + " does not fit its " + size + " bytes");
            }
            JsonNode header = parseHeader(file, readFully(channel, 8, (int) headerLength));
            long dataStart = 8 + headerLength;
            long dataLength = size - dataStart;
            List<Entry> entries = entries(file, header, dataLength);
            checkCoverage(file, entries, dataLength);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry entry : entries) {
                // Mapped, not read: a BERT-large file of 1.3 GB must not need 1.3 GB of heap. A mapping outlives the channel.
                ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin, entry.end - entry.begin);
                tensors.put(entry.name, Tensor.view(entry.type, entry.shape, data));
            }
            return new SafetensorsFile(tensors, metadata(file, header.get(METADATA)));
        }
        catch (NoSuchFileException e) {
            throw new InteropException(file, "does not exist", e);
        }
        catch (IOException e) {
            throw new InteropException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the file: the tensors in this map's order. */
    public void write(Path file)
    {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            Tensor tensor = entry.getValue();
            ObjectNode node = header.putObject(entry.getKey());
            node.put("dtype", tensor.type().name());
            ArrayNode shape = node.putArray("shape");
            for (long dimension : tensor.shape()) {
                shape.add(dimension);
            }
            long length = tensor.elements() * tensor.type().bytes();
            node.putArray("data_offsets").add(offset).add(offset + length);
            offset += length;
        }
        if (!metadata.isEmpty()) {
            ObjectNode node = header.putObject(METADATA);
            metadata.forEach(node::put);
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The data starts 8-byte aligned, as the reference implementation writes it.
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(prefix.array());
            for (Tensor tensor : tensors.values()) {
                out.write(tensor.data());
            }
        }
        catch (IOException e) {
            throw new InteropException(file, "cannot be written: " + e.getMessage(), e);
        }
    }

    private static JsonNode parseHeader(Path file, ByteBuffer bytes)
    {
        String text = StandardCharsets.UTF_8.decode(bytes).toString();
        JsonNode header;
        try {
            header = JSON.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new InteropException(file, "has a header that is not JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new InteropException(file, "has a header that is not a JSON object");
        }
        return header;
    }

    private record Entry(String name, TensorType type, long[] shape, long begin, long end)
    {
    }

    private static List<Entry> entries(Path file, JsonNode header, long dataLength)
    {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = header.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals(METADATA)) {
                continue;
            }
            JsonNode node = field.getValue();
            String dtype = node.path("dtype").asText(null);
            JsonNode shapeNode = node.path("shape");
            JsonNode offsets = node.path("data_offsets");
            if (dtype == null || !shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2
                    || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()) {
                problems.add("tensor " + name + ": needs a dtype, a shape and two data_offsets, has " + node);
                continue;
            }
            TensorType type = TensorType.of(dtype).orElse(null);
            if (type == null) {
                problems.add("tensor " + name + ": dtype " + dtype + " is not one of F32, F16, BF16, F64, I64, I32");
                continue;
            }
            long[] shape = new long[shapeNode.size()];
            boolean valid = true;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = shapeNode.get(d).canConvertToLong() ? shapeNode.get(d).asLong() : -1;
                valid &= shapeNode.get(d).isIntegralNumber() && shape[d] >= 0;
            }
            if (!valid) {
                problems.add("tensor " + name + ": shape " + shapeNode + " is not a list of sizes");
                continue;
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            long expected;
            try {
                expected = Math.multiplyExact(Tensor.elements(shape), type.bytes());
            }
            catch (ArithmeticException e) {
                problems.add("tensor " + name + ": shape " + shapeNode + " is too large");
                continue;
            }
            if (begin < 0 || end < begin || end > dataLength) {
                problems.add("tensor " + name + ": data_offsets [" + begin + ", " + end + "] lie outside the " + dataLength
                        + " data bytes (a truncated file?)");
            }
            else if (end - begin != expected) {
                problems.add("tensor " + name + ": " + dtype + " of shape " + shapeNode + " needs " + expected + " bytes but data_offsets give "
                        + (end - begin));
            }
            else if (expected > Integer.MAX_VALUE - 8) {
                problems.add("tensor " + name + ": " + expected + " bytes is more than one tensor can hold here");
            }
            else {
                entries.add(new Entry(name, type, shape, begin, end));
            }
        }
        if (!problems.isEmpty()) {
            throw new InteropException(file, problems);
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        return entries;
    }

    private static void checkCoverage(Path file, List<Entry> entries, long dataLength)
    {
        long covered = 0;
        String previous = null;
        for (Entry entry : entries) {
            if (entry.begin < covered) {
                throw new InteropException(file, "tensors " + previous + " and " + entry.name + " overlap");
            }
            if (entry.begin > covered) {
                throw new InteropException(file, "data bytes " + covered + " to " + entry.begin + " belong to no tensor");
            }
            covered = entry.end;
            previous = entry.name;
        }
        if (covered != dataLength) {
            throw new InteropException(file, "has " + (dataLength - covered) + " data bytes after the last tensor that belong to no tensor");
        }
    }

    private static Map<String, String> metadata(Path file, JsonNode node)
    {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (node == null) {
            return metadata;
        }
        if (!node.isObject()) {
            throw new InteropException(file, "__metadata__ is not an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new InteropException(file, "__metadata__." + field.getKey() + " is not a string");
            }
            metadata.put(field.getKey(), field.getValue().asText());
        }
        return metadata;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length)
            throws IOException
    {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(channel, position, buffer);
        buffer.flip();
        return buffer;
    }

    private static void readFully(FileChannel channel, long position, ByteBuffer buffer)
            throws IOException
    {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += read;
        }
    }
}
