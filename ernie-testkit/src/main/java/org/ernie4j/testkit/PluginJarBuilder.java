package org.ernie4j.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.ernie4j.spi.PretrainingTask;

/**
 * Builds real task plugin jars in tests: compiles Java sources with the JDK's compiler against the test's class path
 * and packs the classes, a {@code META-INF/services} entry and a manifest into a jar on disk, as a plugin's own build
 * would.
 */
public final class PluginJarBuilder
{
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private String classPath = System.getProperty("java.class.path");

    /** Adds a source file; {@code className} is the fully qualified name of its public class. */
    public PluginJarBuilder source(String className, String code)
    {
        sources.put(className, code);
        return this;
    }

    /** Lists a class in {@code META-INF/services/org.ernie4j.spi.PretrainingTask}. */
    public PluginJarBuilder service(String className)
    {
        services.add(className);
        return this;
    }

    /** Adds a main manifest attribute, such as {@code Ernie-Spi-Version}. */
    public PluginJarBuilder manifestAttribute(String name, String value)
    {
        manifest.put(name, value);
        return this;
    }

    /** Compiles against this class path instead of the test's. */
    public PluginJarBuilder classPath(String replacement)
    {
        classPath = replacement;
        return this;
    }

    /** Compiles the sources into {@code work} and writes the jar at {@code jar}. */
    public Path build(Path work, Path jar)
    {
        try {
            Path sourceDirectory = Files.createDirectories(work.resolve("src"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath, "--release", "17", "-nowarn"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDirectory.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("no Java compiler: run the tests on a JDK");
            }
            int result = compiler.run(null, null, null, arguments.toArray(String[]::new));
            if (result != 0) {
                throw new IllegalStateException("the plugin sources do not compile (see the compiler's messages above)");
            }
            writeJar(classes, jar);
            return jar;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot build plugin jar " + jar, e);
        }
    }

    private void writeJar(Path classes, Path jar)
            throws IOException
    {
        Manifest jarManifest = new Manifest();
        jarManifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> jarManifest.getMainAttributes().put(new Attributes.Name(name), value));
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(stream, jarManifest)) {
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + PretrainingTask.class.getName()));
                out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
    }
}
