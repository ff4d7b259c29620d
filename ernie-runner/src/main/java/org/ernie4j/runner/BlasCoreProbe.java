package org.ernie4j.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.ernie4j.core.engine.NativeEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finds out which kernel family OpenBLAS really runs. OpenBLAS names it on standard error when it loads with
 * {@code OPENBLAS_VERBOSE=2}, but only at load time and only on the native error stream, so the question is asked of a
 * short-lived child JVM with the same class path and the same environment decisions as this one.
 */
public final class BlasCoreProbe
{
    private BlasCoreProbe()
    {
    }

    /** The child's entry point: prepare the environment as the runner does, then load ND4J. */
    public static void main(String[] args)
    {
        NativeEnvironment.prepare();
        Nd4j.create(1).addi(1);
    }

    /** The core OpenBLAS selected in a child JVM, such as {@code SkylakeX}. */
    public static Optional<String> runningCore()
    {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BlasCoreProbe.class.getName()));
        builder.environment().put("OPENBLAS_VERBOSE", "2");
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            Optional<String> core = Optional.empty();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("Core:") && core.isEmpty()) {
                        core = Optional.of(line.substring("Core:".length()).trim());
                    }
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return core;
        }
        catch (IOException e) {
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
