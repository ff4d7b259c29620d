package org.ernie4j.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of every module's main sources says in a package-info what it holds, so that the package tree can be
 * read without opening the classes (docs/ARCHITECTURE.md points to them). Reads the sources of the checkout this test
 * runs in.
 */
class TestPackageDocumentation
{
    private static final Pattern PACKAGE_COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/\\s*package\\s+[\\w.]+;", Pattern.DOTALL);

    @Test
    void everyPackageHasAPackageInfoWithAtLeastOneSentence()
            throws IOException
    {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("ernie-core/src/main/java")).as("the checkout's root, seen from the runner module").isDirectory();

        List<Path> packages = packagesWithClasses(root);
        List<String> undocumented = new ArrayList<>();
        for (Path folder : packages) {
            Path info = folder.resolve("package-info.java");
            if (!Files.isRegularFile(info) || !saysSomething(Files.readString(info))) {
                undocumented.add(root.relativize(folder).toString());
            }
        }

        assertThat(packages).as("packages found").hasSizeGreaterThan(30);
        assertThat(undocumented).as("packages without a package-info that says what they hold").isEmpty();
    }

    private static List<Path> packagesWithClasses(Path root)
            throws IOException
    {
        List<Path> packages = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> folders = Files.walk(sources)) {
                    folders.filter(Files::isDirectory).filter(TestPackageDocumentation::holdsClasses).forEach(packages::add);
                }
            }
        }
        return packages;
    }

    private static boolean holdsClasses(Path folder)
    {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".java") && !file.getFileName().toString().equals("package-info.java"));
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot list " + folder, e);
        }
    }

    private static boolean saysSomething(String packageInfo)
    {
        Matcher comment = PACKAGE_COMMENT.matcher(packageInfo);
        if (!comment.find()) {
            return false;
        }
        String text = comment.group(1).replaceAll("(?m)^\\s*\\*", " ").trim();
        return text.length() >= 40 && text.contains(".");
    }
}
