package org.ernie4j.core.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Versions recorded in checkpoints.
 */
public final class Versions
{
    private Versions()
    {
    }

    public static String ernie4j()
    {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static String nd4j()
    {
        String version = Nd4j.class.getPackage().getImplementationVersion();
        return version == null ? "1.0.0-M2.1" : version;
    }
}
