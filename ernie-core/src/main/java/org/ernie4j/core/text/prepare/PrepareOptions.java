package org.ernie4j.core.text.prepare;

import java.nio.file.Path;
import java.util.Optional;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.text.annotate.AnnotationOptions;
import org.ernie4j.core.text.annotate.LongSentencePolicy;
import org.ernie4j.core.text.corpus.CorpusFormat;
import org.ernie4j.core.text.corpus.CorpusOptions;
import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordCounter;
import org.ernie4j.core.text.wordpiece.WordPieceTrainer;

import static java.util.Objects.requireNonNull;

/**
 * How to prepare a corpus. Immutable; made with {@link #builder()}. The vocabulary is either trained (the default, of
 * {@value #DEFAULT_VOCABULARY_SIZE} pieces) or loaded from a {@code vocab.txt}, such as the one of another prepared
 * corpus, so that both share piece ids. Words are split into pieces as uncased BERT does unless the tokenizer settings
 * say otherwise (a cased model's).
 */
@PublicApi
public final class PrepareOptions
{
    public static final int DEFAULT_VOCABULARY_SIZE = 8000;
    public static final int DEFAULT_DOCUMENTS_PER_SHARD = 2000;

    private final CorpusOptions corpus;
    private final AnnotationOptions annotation;
    private final Path gazetteer;
    private final Path vocabulary;
    private final int vocabularySize;
    private final TokenizerSettings tokenizer;
    private final int minPairCount;
    private final int maxDistinctWords;
    private final int documentsPerShard;
    private final int threads;
    private final boolean overwrite;

    private PrepareOptions(Builder builder)
    {
        this.corpus = builder.corpus;
        this.annotation = builder.annotation;
        this.gazetteer = builder.gazetteer;
        this.vocabulary = builder.vocabulary;
        this.vocabularySize = builder.vocabularySize;
        this.tokenizer = builder.tokenizer;
        this.minPairCount = builder.minPairCount;
        this.maxDistinctWords = builder.maxDistinctWords;
        this.documentsPerShard = builder.documentsPerShard;
        this.threads = builder.threads;
        this.overwrite = builder.overwrite;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public static PrepareOptions defaults()
    {
        return builder().build();
    }

    public Builder toBuilder()
    {
        Builder builder = new Builder();
        builder.corpus = corpus;
        builder.annotation = annotation;
        builder.gazetteer = gazetteer;
        builder.vocabulary = vocabulary;
        builder.vocabularySize = vocabularySize;
        builder.tokenizer = tokenizer;
        builder.minPairCount = minPairCount;
        builder.maxDistinctWords = maxDistinctWords;
        builder.documentsPerShard = documentsPerShard;
        builder.threads = threads;
        builder.overwrite = overwrite;
        return builder;
    }

    public CorpusOptions corpus()
    {
        return corpus;
    }

    public AnnotationOptions annotation()
    {
        return annotation;
    }

    public Optional<Path> gazetteer()
    {
        return Optional.ofNullable(gazetteer);
    }

    /** The vocabulary file to use; empty to train one. */
    public Optional<Path> vocabulary()
    {
        return Optional.ofNullable(vocabulary);
    }

    /** The size of the vocabulary to train; ignored when a vocabulary file is given. */
    public int vocabularySize()
    {
        return vocabularySize;
    }

    /** How words are split into pieces, for a given vocabulary and a trained one alike. */
    public TokenizerSettings tokenizer()
    {
        return tokenizer;
    }

    public int minPairCount()
    {
        return minPairCount;
    }

    /** The most distinct words counted for training before the rarest are pruned (see {@link WordCounter}). */
    public int maxDistinctWords()
    {
        return maxDistinctWords;
    }

    public int documentsPerShard()
    {
        return documentsPerShard;
    }

    /** Annotation threads; the output is the same for any number. */
    public int threads()
    {
        return threads;
    }

    /** Whether an earlier prepared corpus in the output directory may be replaced. */
    public boolean overwrite()
    {
        return overwrite;
    }

    /** Starts from the defaults; {@link #build()} checks the combination. */
    public static final class Builder
    {
        private CorpusOptions corpus = CorpusOptions.defaults();
        private AnnotationOptions annotation = AnnotationOptions.defaults();
        private Path gazetteer;
        private Path vocabulary;
        private int vocabularySize = DEFAULT_VOCABULARY_SIZE;
        private TokenizerSettings tokenizer = TokenizerSettings.UNCASED;
        private int minPairCount = WordPieceTrainer.DEFAULT_MIN_PAIR_COUNT;
        private int maxDistinctWords = WordCounter.DEFAULT_MAX_DISTINCT_WORDS;
        private int documentsPerShard = DEFAULT_DOCUMENTS_PER_SHARD;
        private int threads = 1;
        private boolean overwrite;

        private Builder() {}

        public Builder corpus(CorpusOptions corpus)
        {
            this.corpus = requireNonNull(corpus, "corpus is null");
            return this;
        }

        public Builder format(CorpusFormat format)
        {
            return corpus(corpus.withFormat(format));
        }

        public Builder maxLineLength(int maxLineLength)
        {
            return corpus(corpus.withMaxLineLength(maxLineLength));
        }

        public Builder annotation(AnnotationOptions annotation)
        {
            this.annotation = requireNonNull(annotation, "annotation is null");
            return this;
        }

        public Builder maxSentenceTokens(int maxSentenceTokens)
        {
            return annotation(new AnnotationOptions(maxSentenceTokens, annotation.longSentences()));
        }

        public Builder longSentences(LongSentencePolicy longSentences)
        {
            return annotation(new AnnotationOptions(annotation.maxSentenceTokens(), longSentences));
        }

        /** A gazetteer file, or null for none. */
        public Builder gazetteer(Path gazetteer)
        {
            this.gazetteer = gazetteer;
            return this;
        }

        /** A vocab.txt to use instead of training one, or null to train. */
        public Builder vocabulary(Path vocabulary)
        {
            this.vocabulary = vocabulary;
            return this;
        }

        public Builder tokenizer(TokenizerSettings tokenizer)
        {
            this.tokenizer = requireNonNull(tokenizer, "tokenizer is null");
            return this;
        }

        public Builder vocabularySize(int vocabularySize)
        {
            this.vocabularySize = vocabularySize;
            return this;
        }

        public Builder minPairCount(int minPairCount)
        {
            this.minPairCount = minPairCount;
            return this;
        }

        public Builder maxDistinctWords(int maxDistinctWords)
        {
            this.maxDistinctWords = maxDistinctWords;
            return this;
        }

        public Builder documentsPerShard(int documentsPerShard)
        {
            this.documentsPerShard = documentsPerShard;
            return this;
        }

        public Builder threads(int threads)
        {
            this.threads = threads;
            return this;
        }

        public Builder overwrite(boolean overwrite)
        {
            this.overwrite = overwrite;
            return this;
        }

        public PrepareOptions build()
        {
            if (vocabulary == null) {
                // Fails here, with the trainer's message, rather than after the corpus has been scanned.
                new WordPieceTrainer(vocabularySize, minPairCount);
            }
            if (documentsPerShard < 1) {
                throw new IllegalArgumentException("documentsPerShard must be positive: " + documentsPerShard);
            }
            if (maxDistinctWords < 2) {
                throw new IllegalArgumentException("maxDistinctWords must be at least 2: " + maxDistinctWords);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            return new PrepareOptions(this);
        }
    }
}
