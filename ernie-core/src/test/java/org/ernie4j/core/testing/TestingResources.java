package org.ernie4j.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real text copied into the test resources: three State of the Union addresses and a few raw SpamAssassin mails.
 */
public final class TestingResources
{
    public static final String WASHINGTON_1790 = "1790_george_washington_n.txt";
    public static final String HOOVER_1932 = "1932_herbert_hoover_r.txt";
    public static final String NIXON_1973 = "1973_richard_nixon_r.txt";

    private TestingResources() {}

    public static Path resource(String name)
    {
        URL url = TestingResources.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path sotuFolder()
    {
        return resource("sotu");
    }

    public static Path sotu(String file)
    {
        return resource("sotu/" + file);
    }

    public static String sotuText(String file)
    {
        return read(sotu(file));
    }

    public static Path spam(String file)
    {
        return resource("spam/" + file);
    }

    public static String read(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
