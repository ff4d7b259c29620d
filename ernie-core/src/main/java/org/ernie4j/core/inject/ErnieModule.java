package org.ernie4j.core.inject;

import java.nio.file.Path;
import java.util.Optional;

import org.ernie4j.core.backend.NativeEnvironment;
import org.ernie4j.core.inference.TextClassifier;
import org.ernie4j.core.inference.TextEncoder;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * For applications that embed ernie4j: a {@link TextEncoder} from a pre-trained run or checkpoint and a
 * {@link TextClassifier} from a fine-tuned model, each a singleton safe for concurrent callers.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(ErnieModule.builder()
 *         .encoder(Path.of("runs/demo"))
 *         .classifier(Path.of("runs/finetune/best"))
 *         .build());
 * TextClassifier classifier = injector.getInstance(TextClassifier.class);
 * }</pre>
 */
public final class ErnieModule
        extends AbstractModule
{
    private final Optional<Path> encoder;
    private final Optional<Path> classifier;

    private ErnieModule(Optional<Path> encoder, Optional<Path> classifier)
    {
        this.encoder = encoder;
        this.classifier = classifier;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    @Override
    protected void configure()
    {
        // Before anything loads ND4J: the native libraries read these settings once, when they load.
        NativeEnvironment.prepare();
        if (encoder.isPresent()) {
            bind(TextEncoder.class).toProvider(() -> TextEncoder.load(encoder.get())).in(Singleton.class);
        }
        if (classifier.isPresent()) {
            bind(TextClassifier.class).toProvider(() -> TextClassifier.load(classifier.get())).in(Singleton.class);
        }
    }

    /** Which models to serve. */
    public static final class Builder
    {
        private Path encoder;
        private Path classifier;

        private Builder()
        {
        }

        /** A pre-training run directory (its newest checkpoint) or a checkpoint directory. */
        public Builder encoder(Path runOrCheckpoint)
        {
            this.encoder = runOrCheckpoint;
            return this;
        }

        /** The directory of a fine-tuned model, as {@code ernie finetune} writes it. */
        public Builder classifier(Path model)
        {
            this.classifier = model;
            return this;
        }

        public ErnieModule build()
        {
            return new ErnieModule(Optional.ofNullable(encoder), Optional.ofNullable(classifier));
        }
    }
}
