package org.ernie4j.core.text.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The files of a corpus and their layout, resolved from a path: a single file, or the matching files of a folder and its
 * subfolders in a fixed order (by relative path), so that every read of the same corpus sees the same documents in the
 * same order. Hidden files and folders (names starting with a dot) are ignored.
 */
@PublicApi
public final class CorpusInput
{
    private final Path path;
    private final Path root;
    private final CorpusFormat format;
    private final List<Path> files;

    private CorpusInput(Path path, Path root, CorpusFormat format, List<Path> files)
    {
        this.path = path;
        this.root = root;
        this.format = format;
        this.files = List.copyOf(files);
    }

    /**
     * @param path a file, or a folder searched recursively: for {@code .txt} files in the {@link CorpusFormat#TEXT_FOLDER}
     * and {@link CorpusFormat#BERT} layouts, for {@code .jsonl} and {@code .json} files in the {@link CorpusFormat#JSONL}
     * layout; each may also be gzip-compressed ({@code .txt.gz}, {@code .jsonl.gz}, {@code .json.gz}), read as it is
     * decompressed
     * @throws CorpusException if the path does not exist or holds no file of the layout
     */
    public static CorpusInput resolve(Path path, CorpusFormat format)
    {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(absolute)) {
            CorpusFormat resolved = format != CorpusFormat.AUTO ? format : isJson(absolute) ? CorpusFormat.JSONL : CorpusFormat.BERT;
            return new CorpusInput(absolute, absolute.getParent(), resolved, List.of(absolute));
        }
        if (!Files.isDirectory(absolute)) {
            throw new CorpusException("Corpus path does not exist or is not a file or folder: " + absolute);
        }
        List<Path> textFiles = new ArrayList<>();
        List<Path> jsonFiles = new ArrayList<>();
        for (Path file : listFiles(absolute)) {
            if (isJson(file)) {
                jsonFiles.add(file);
            }
            else if (CorpusFiles.layoutName(file).endsWith(".txt")) {
                textFiles.add(file);
            }
        }
        CorpusFormat resolved = format;
        if (format == CorpusFormat.AUTO) {
            if (!textFiles.isEmpty() && !jsonFiles.isEmpty()) {
                throw new CorpusException("Corpus folder " + absolute + " holds both .txt files (" + textFiles.size()
                        + ") and .jsonl/.json files (" + jsonFiles.size() + "); choose a format explicitly");
            }
            resolved = jsonFiles.isEmpty() ? CorpusFormat.TEXT_FOLDER : CorpusFormat.JSONL;
        }
        List<Path> files = resolved == CorpusFormat.JSONL ? jsonFiles : textFiles;
        if (files.isEmpty()) {
            throw new CorpusException("Corpus folder " + absolute + " holds no "
                    + (resolved == CorpusFormat.JSONL ? ".jsonl or .json" : ".txt") + " files, compressed (.gz) or not (hidden files are ignored)");
        }
        files.sort(Comparator.comparing(file -> relativeName(absolute, file)));
        return new CorpusInput(absolute, absolute, resolved, files);
    }

    private static List<Path> listFiles(Path folder)
    {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk
                    .filter(file -> !isHidden(folder, file))
                    .filter(Files::isRegularFile)
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list corpus folder " + folder, e);
        }
    }

    private static boolean isHidden(Path root, Path file)
    {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJson(Path file)
    {
        String name = CorpusFiles.layoutName(file);
        return name.endsWith(".jsonl") || name.endsWith(".json");
    }

    private static String relativeName(Path root, Path file)
    {
        // Slashes on every platform, so that ids and fingerprints do not depend on the operating system.
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The path as given, made absolute. */
    public Path path()
    {
        return path;
    }

    /** The layout, never {@link CorpusFormat#AUTO}. */
    public CorpusFormat format()
    {
        return format;
    }

    /** The files to read, absolute, in reading order. */
    public List<Path> files()
    {
        return files;
    }

    /** The name of a file of this corpus relative to the corpus folder (or the file name of a single file), with slashes. */
    public String relativeName(Path file)
    {
        return relativeName(root, file);
    }

    @Override
    public String toString()
    {
        return path + " (" + format + ", " + files.size() + " files)";
    }
}
