package org.ernie4j.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.ernie4j.core.text.corpus.CorpusFingerprint;
import org.ernie4j.core.text.corpus.CorpusFormat;
import org.ernie4j.core.text.corpus.CorpusInput;

/**
 * The sample of State of the Union addresses shipped inside the runner, copied to a folder so that it can be prepared
 * like any other corpus. The copy is rewritten byte for byte each time, so its fingerprint never changes.
 */
final class DemoCorpus
{
    private static final String FOLDER = "demo-corpus/";

    private DemoCorpus()
    {
    }

    /** Copies the sample into {@code directory} and returns it. */
    static Path extract(Path directory)
    {
        try {
            Files.createDirectories(directory);
            for (String name : names()) {
                try (InputStream in = resource(FOLDER + name)) {
                    Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo corpus into " + directory, e);
        }
    }

    /**
     * The fingerprint of the sample, as a corpus prepared from a copy of it records it wherever the copy was (a run
     * directory that was moved, say).
     */
    static String fingerprint()
    {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("ernie-demo-corpus");
            return CorpusFingerprint.of(CorpusInput.resolve(extract(copy), CorpusFormat.AUTO));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo corpus into a temporary folder", e);
        }
        finally {
            if (copy != null) {
                delete(copy);
            }
        }
    }

    private static void delete(Path copy)
    {
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        catch (IOException e) {
            // A temporary folder left behind costs nothing that matters here.
        }
    }

    static List<String> names()
            throws IOException
    {
        List<String> names = new ArrayList<>();
        try (BufferedReader index = new BufferedReader(new InputStreamReader(resource(FOLDER + "index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = index.readLine()) != null) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        }
        return names;
    }

    private static InputStream resource(String name)
            throws IOException
    {
        InputStream in = DemoCorpus.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the runner jar has no " + name);
        }
        return in;
    }
}
