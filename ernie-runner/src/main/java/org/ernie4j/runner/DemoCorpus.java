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
import java.util.List;

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
