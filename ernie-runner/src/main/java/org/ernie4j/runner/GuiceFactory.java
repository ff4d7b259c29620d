package org.ernie4j.runner;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

import static java.util.Objects.requireNonNull;

/**
 * Lets picocli create commands (and their options' types) through the injector, so that commands receive the core's
 * services by constructor injection.
 */
final class GuiceFactory
        implements CommandLine.IFactory
{
    private final Injector injector;

    GuiceFactory(Injector injector)
    {
        this.injector = requireNonNull(injector, "injector is null");
    }

    @Override
    public <K> K create(Class<K> type)
            throws Exception
    {
        try {
            return injector.getInstance(type);
        }
        catch (ConfigurationException e) {
            // Types picocli needs that Guice cannot make (collections, converters): picocli's own factory makes them.
            return CommandLine.defaultFactory().create(type);
        }
    }
}
