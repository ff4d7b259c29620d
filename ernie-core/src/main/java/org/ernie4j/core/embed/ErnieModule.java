package org.ernie4j.core.embed;

import java.nio.file.Path;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.embed.TextClassifier;
import org.ernie4j.core.embed.TextEncoder;
import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.engine.NativeEnvironment;
import org.ernie4j.core.finetune.FineTunedModel;
import org.ernie4j.core.pretrained.PretrainedModel;

import com.google.inject.AbstractModule;

import static java.util.Objects.requireNonNull;

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
 *
 * {@link Builder#build()} loads the models. They run on the fused engine where it can run (see {@link Builder#engine}); the
 * application closes them (they own the engine's threads) when it stops.
 */
@PublicApi
public final class ErnieModule
        extends AbstractModule
{
    private final Optional<TextEncoder> encoder;
    private final Optional<TextClassifier> classifier;

    private ErnieModule(Optional<TextEncoder> encoder, Optional<TextClassifier> classifier)
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
        encoder.ifPresent(loaded -> bind(TextEncoder.class).toInstance(loaded));
        classifier.ifPresent(loaded -> bind(TextClassifier.class).toInstance(loaded));
    }

    /** Which models to serve. */
    public static final class Builder
    {
        private Path encoder;
        private int taskId;
        private Path classifier;
        private EngineKind engine = EngineKind.AUTO;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder()
        {
        }

        /** A pre-training run directory (its newest checkpoint) or a checkpoint directory. */
        public Builder encoder(Path runOrCheckpoint)
        {
            this.encoder = requireNonNull(runOrCheckpoint, "runOrCheckpoint is null");
            return this;
        }

        /**
         * The task-embedding row the encoder adds to its inputs: 0 (the default, the first task's) or the id of the task whose
         * view of the text the application wants, as the run's checkpoint lists them.
         */
        public Builder taskId(int taskId)
        {
            this.taskId = taskId;
            return this;
        }

        /** The directory of a fine-tuned model, as {@code ernie finetune} writes it. */
        public Builder classifier(Path model)
        {
            this.classifier = requireNonNull(model, "model is null");
            return this;
        }

        /** Which engine runs both models: {@code auto} (the default: the fused engine where it can run), fused or samediff. */
        public Builder engine(EngineKind engine)
        {
            this.engine = requireNonNull(engine, "engine is null");
            return this;
        }

        /** The fused engine's threads for each model (default: one per processor). */
        public Builder threads(int threads)
        {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Loads the models, so that a wrong path or task id is an error here, with its own message, rather than a
         * provisioning failure wrapped by Guice at the first {@code getInstance}.
         *
         * @throws IllegalArgumentException naming the path that holds no model, or the task id the model does not have
         */
        public ErnieModule build()
        {
            // Before anything loads ND4J: the native libraries read these settings once, when they load.
            NativeEnvironment.prepare();
            return new ErnieModule(Optional.ofNullable(encoder).map(path -> new TextEncoder(PretrainedModel.load(path), taskId, engine, threads)),
                    Optional.ofNullable(classifier).map(path -> new TextClassifier(FineTunedModel.load(path), engine, threads)));
        }
    }
}
