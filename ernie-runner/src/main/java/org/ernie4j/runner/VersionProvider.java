package org.ernie4j.runner;

import org.ernie4j.core.support.Versions;

import picocli.CommandLine;

/**
 * {@code ernie --version}.
 */
final class VersionProvider
        implements CommandLine.IVersionProvider
{
    @Override
    public String[] getVersion()
    {
        return new String[] {"ernie4j " + Versions.ernie4j() + " (ND4J " + Versions.nd4j() + ", Java " + System.getProperty("java.version") + ")"};
    }
}
