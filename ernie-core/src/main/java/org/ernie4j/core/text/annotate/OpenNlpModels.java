package org.ernie4j.core.text.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

import org.ernie4j.core.PublicApi;

import static java.util.Objects.requireNonNull;

/**
 * The four OpenNLP models the annotation needs. Models are immutable and shared by all threads; the tools made from
 * them are not thread-safe, so each thread gets its own through the {@code new...} methods. Loading takes about a second,
 * so load once per process.
 */
@PublicApi
public final class OpenNlpModels
{
    private final SentenceModel sentences;
    private final TokenizerModel tokens;
    private final POSModel partsOfSpeech;
    private final ChunkerModel chunks;

    public OpenNlpModels(SentenceModel sentences, TokenizerModel tokens, POSModel partsOfSpeech, ChunkerModel chunks)
    {
        this.sentences = requireNonNull(sentences, "sentences is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.partsOfSpeech = requireNonNull(partsOfSpeech, "partsOfSpeech is null");
        this.chunks = requireNonNull(chunks, "chunks is null");
    }

    /**
     * The English 1.5 models from the class path: en-sent.bin, en-token.bin, en-pos-maxent.bin and en-chunker.bin, as
     * published on Maven Central under {@code edu.washington.cs.knowitall:opennlp-*-models:1.5}.
     */
    public static OpenNlpModels loadEnglish()
    {
        return new OpenNlpModels(
                load("en-sent.bin", "opennlp-sent-models", SentenceModel::new),
                load("en-token.bin", "opennlp-tokenize-models", TokenizerModel::new),
                load("en-pos-maxent.bin", "opennlp-postag-models", POSModel::new),
                load("en-chunker.bin", "opennlp-chunk-models", ChunkerModel::new));
    }

    private interface ModelReader<T>
    {
        T read(InputStream in)
                throws IOException;
    }

    private static <T> T load(String resource, String artifact, ModelReader<T> reader)
    {
        try (InputStream in = OpenNlpModels.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path; it comes with "
                        + "edu.washington.cs.knowitall:" + artifact + ":1.5");
            }
            return reader.read(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot load OpenNLP model " + resource, e);
        }
    }

    public SentenceDetectorME newSentenceDetector()
    {
        return new SentenceDetectorME(sentences);
    }

    public TokenizerME newTokenizer()
    {
        return new TokenizerME(tokens);
    }

    /**
     * A tagger that emits Penn Treebank tags (NNP, VBZ, ...). OpenNLP 2.x emits Universal Dependencies tags unless asked,
     * and the chunker model was trained on Penn tags.
     */
    public POSTaggerME newTagger()
    {
        return new POSTaggerME(partsOfSpeech, POSTagFormat.PENN);
    }

    public ChunkerME newChunker()
    {
        return new ChunkerME(chunks);
    }
}
