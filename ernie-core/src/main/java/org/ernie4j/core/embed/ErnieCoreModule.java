package org.ernie4j.core.embed;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.config.ConfigLoader;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.text.annotate.OpenNlpModels;
import org.ernie4j.core.text.prepare.CorpusPreparer;
import org.ernie4j.core.training.task.TaskCatalog;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import static java.util.Objects.requireNonNull;

/**
 * The core's bindings: configuration loading, the task catalog of a class loader, and corpus preparation with the
 * OpenNLP models (loaded once, on first use, since they take a second or two).
 *
 * <p>Installing this module also prepares the native environment (BLAS kernels, OpenMP threads), which must happen
 * before anything loads ND4J; a host application should create its injector early.
 */
@PublicApi
public final class ErnieCoreModule
        extends AbstractModule
{
    private final ClassLoader taskLoader;

    /**
     * @param taskLoader the class loader whose {@code META-INF/services} list the pre-training tasks
     */
    public ErnieCoreModule(ClassLoader taskLoader)
    {
        this.taskLoader = requireNonNull(taskLoader, "taskLoader is null");
    }

    @Override
    protected void configure()
    {
        NativeEnvironment.prepare();
        bind(ConfigLoader.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    TaskCatalog taskCatalog()
    {
        return TaskCatalog.discover(taskLoader);
    }

    @Provides
    @Singleton
    OpenNlpModels openNlpModels()
    {
        return OpenNlpModels.loadEnglish();
    }

    @Provides
    CorpusPreparer corpusPreparer(OpenNlpModels models)
    {
        return new CorpusPreparer(models);
    }
}
