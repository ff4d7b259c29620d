package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import onnx.Onnx.StringStringEntryProto;
import onnx.Onnx.TensorProto;

import static java.util.Objects.requireNonNull;

/**
 * The values of initializers that an ONNX file keeps in side files ({@code data_location: EXTERNAL}), as models over
 * protobuf's 2 GB limit must: each {@code external_data} entry names a {@code location} relative to the model's
 * directory, and optionally the {@code offset} and {@code length} of the values in it (without a length, the rest of the
 * file). The values are mapped read-only where they lie, never copied into the heap. A location that leads out of the
 * model's directory (absolute, {@code ..}, or a link pointing elsewhere) is refused: a downloaded model must not make
 * the import read any other file.
 */
final class OnnxExternalData
{
    private final Path directory;

    /** For the ONNX file {@code modelFile}, whose directory the locations are relative to. */
    OnnxExternalData(Path modelFile)
    {
        this.directory = requireNonNull(modelFile, "modelFile is null").toAbsolutePath().normalize().getParent();
    }

    /**
     * The tensor's values, {@code bytes} of them, as a read-only view of the mapped side file.
     *
     * @throws IllegalArgumentException saying which file and what is wrong with it, for the caller to name the tensor
     */
    ByteBuffer values(TensorProto proto, long bytes)
    {
        Map<String, String> entries = new HashMap<>();
        for (StringStringEntryProto entry : proto.getExternalDataList()) {
            entries.put(entry.getKey(), entry.getValue());
        }
        String location = entries.get("location");
        if (location == null || location.isEmpty()) {
            throw new IllegalArgumentException("keeps its values in an external file but names none (no external_data location)");
        }
        Path file = resolve(location);
        long offset = number(entries, "offset", location);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long length = entries.containsKey("length") ? number(entries, "length", location) : size - offset;
            if (offset > size || length > size - offset) {
                throw new IllegalArgumentException("keeps its values in " + location + " at bytes " + offset + " to " + (offset + length)
                        + ", but " + location + " has " + size + " bytes");
            }
            if (length != bytes) {
                throw new IllegalArgumentException("keeps " + length + " bytes in " + location + " at byte " + offset + ", but its type and shape"
                        + " need " + bytes);
            }
            if (length > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("keeps " + length + " bytes in " + location + ", more than one tensor of ernie4j can hold");
            }
            // The mapping stays valid after the channel is closed, for as long as the buffer is reachable.
            return channel.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();
        }
        catch (IOException e) {
            throw new IllegalArgumentException("keeps its values in " + location + ", which cannot be read: " + e.getMessage(), e);
        }
    }

    private Path resolve(String location)
    {
        Path relative;
        try {
            relative = Path.of(location);
        }
        catch (InvalidPathException e) {
            throw new IllegalArgumentException("keeps its values in " + location + ", which is no file name: " + e.getMessage(), e);
        }
        Path file = directory.resolve(relative).normalize();
        if (relative.isAbsolute() || !file.startsWith(directory)) {
            throw new IllegalArgumentException("keeps its values in " + location + ", outside the model's directory " + directory
                    + " (locations are relative to it)");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("keeps its values in " + location + ", which is not a file in " + directory);
        }
        try {
            if (!file.toRealPath().startsWith(directory.toRealPath())) {
                throw new IllegalArgumentException("keeps its values in " + location + ", a link to " + file.toRealPath()
                        + " outside the model's directory " + directory);
            }
        }
        catch (IOException e) {
            throw new IllegalArgumentException("keeps its values in " + location + ", which cannot be read: " + e.getMessage(), e);
        }
        return file;
    }

    private static long number(Map<String, String> entries, String key, String location)
    {
        String value = entries.getOrDefault(key, "0");
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new NumberFormatException("negative");
            }
            return number;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("keeps its values in " + location + " at an external_data " + key + " of '" + value
                    + "', which is not a byte count");
        }
    }
}
