package org.ernie4j.core.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

import org.ernie4j.core.PublicApi;

/**
 * Versions recorded in checkpoints, read from the Maven metadata that every jar (and the fat jar) carries.
 */
@PublicApi
public final class Versions
{
    private Versions()
    {
    }

    public static String ernie4j()
    {
        return mavenVersion("org.ernie4j", "ernie-core").orElse("development");
    }

    public static String nd4j()
    {
        return mavenVersion("org.nd4j", "nd4j-api").orElse("unknown");
    }

    private static Optional<String> mavenVersion(String group, String artifact)
    {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
