package org.ernie4j.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's {@code ERNIE_BLAS}, as users set it: {@code mkl} preloads Intel MKL's libraries in place of ND4J's
 * OpenBLAS, and the products benchmark, which checks every packed-kernel product against the BLAS's before timing it,
 * then runs against MKL's {@code sgemm} and says so; a value it does not know is refused before anything runs.
 */
class LauncherBlasIT
{
    private static final Path LAUNCHER = Path.of("bin/ernie");

    @TempDir
    Path temporary;

    @Test
    void mklServesTheProductsAndTheReportSaysSo()
            throws Exception
    {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux") && System.getProperty("os.arch").equals("amd64"),
                "Intel MKL's libraries are for Linux x86_64");
        assumeTrue(Files.isRegularFile(mklJar()) || Files.isDirectory(Path.of("target", "mkl-" + mklVersion())),
                "Intel MKL's 155 MB jar is not in the local Maven repository (" + mklJar() + "); `ERNIE_BLAS=mkl ernie-runner/bin/ernie --version` fetches it");
        Result result = launch(Map.of("ERNIE_BLAS", "mkl"), "benchmark", "products", "--rows", "32", "--rounds", "1", "--seconds", "0.05", "--warmup", "0.05");
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("BLAS=Intel MKL " + Path.of("target", "mkl-" + mklVersion()).toAbsolutePath().resolve("libmkl_rt.so.2"))
                .contains("| Intel MKL sgemm |")
                .contains("| 32 x 384 x 1152 |");
    }

    @Test
    void anUnknownBlasIsRefusedByName()
            throws Exception
    {
        Result result = launch(Map.of("ERNIE_BLAS", "atlas"), "--version");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.output()).contains("ERNIE_BLAS must be openblas (the default) or mkl, not 'atlas'");
    }

    private Result launch(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException
    {
        Path log = Files.createTempFile(temporary, "launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(concat(arguments)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("ERNIE_HEAP", "1g");
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("finished within 5 minutes:%n%s", output).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> concat(String... arguments)
    {
        List<String> command = new java.util.ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String mklVersion()
            throws IOException
    {
        Matcher version = Pattern.compile("<mkl.version>(.*)</mkl.version>").matcher(Files.readString(Path.of("../pom.xml")));
        assertThat(version.find()).as("the root pom names mkl.version").isTrue();
        return version.group(1);
    }

    private static Path mklJar()
            throws IOException
    {
        String version = mklVersion();
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "bytedeco", "mkl", version,
                "mkl-" + version + "-linux-x86_64-redist.jar");
    }

    private record Result(int code, String output)
    {
    }
}
