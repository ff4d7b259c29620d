package org.ernie4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.CustomHeadGraph;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Two small but real tasks for trainer tests: masked words, and whether two sentences appear in their original order.
 */
public final class TestingTasks
{
    private TestingTasks()
    {
    }

    /** Masked words with its label generator wrapped, or its context watched, by a test. */
    public static final class WrappedMaskedWords
            implements PretrainingTask
    {
        private final MaskedWords delegate = new MaskedWords();
        private final BiFunction<TaskContext, LabelGenerator, LabelGenerator> wrap;

        /** @param wrap given the task's context and masked words' generator, the generator to use */
        public WrappedMaskedWords(BiFunction<TaskContext, LabelGenerator, LabelGenerator> wrap)
        {
            this.wrap = wrap;
        }

        @Override
        public TaskInfo info()
        {
            return delegate.info();
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return delegate.head(context);
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            return wrap.apply(context, delegate.labels(context));
        }
    }

    /** Masks about a sixth of the words of each sentence pair and predicts them. */
    public static final class MaskedWords
            implements PretrainingTask
    {
        @Override
        public TaskInfo info()
        {
            return new TaskInfo("testing-masked-words", TaskFamily.WORD_AWARE, "masks single words (test task)");
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return MaskedTokenHead.create();
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            double rate = context.settings().getDouble("rate", 1.0 / 6);
            return (document, random) -> {
                List<Example> examples = new ArrayList<>();
                for (Sentence sentence : document.sentences()) {
                    InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
                    List<Integer> positions = new ArrayList<>();
                    List<Integer> originals = new ArrayList<>();
                    for (var token : sentence.tokens()) {
                        if (input.remaining() <= 1) {
                            break;
                        }
                        int id = token.pieceId(0);
                        if (random.nextDouble() < rate) {
                            positions.add(input.length());
                            originals.add(id);
                            id = context.vocabulary().maskId();
                        }
                        input.add(id);
                    }
                    input.separator();
                    examples.add(input.build(new MaskedTokens(positions.stream().mapToInt(Integer::intValue).toArray(),
                            originals.stream().mapToInt(Integer::intValue).toArray())));
                }
                return examples;
            };
        }
    }

    /** Two consecutive sentences, swapped half of the time; predicts whether they were swapped. */
    public static final class SentenceOrder
            implements PretrainingTask
    {
        @Override
        public TaskInfo info()
        {
            return new TaskInfo("testing-sentence-order", TaskFamily.STRUCTURE_AWARE, "are two sentences swapped (test task)");
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return SequenceClassificationHead.of(2);
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            return (document, random) -> {
                List<Example> examples = new ArrayList<>();
                List<Sentence> sentences = document.sentences();
                for (int i = 0; i + 1 < sentences.size(); i += 2) {
                    boolean swap = random.nextBoolean();
                    Sentence first = sentences.get(swap ? i + 1 : i);
                    Sentence second = sentences.get(swap ? i : i + 1);
                    int half = (context.maxSequenceLength() - 3) / 2;
                    InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
                    add(input, first, half);
                    input.separator().nextSegment();
                    add(input, second, half);
                    input.separator();
                    examples.add(input.build(new SequenceLabel(swap ? 1 : 0)));
                }
                return examples;
            };
        }

        private static void add(InputBuilder input, Sentence sentence, int limit)
        {
            for (int i = 0; i < Math.min(limit, sentence.tokens().size()); i++) {
                input.add(sentence.tokens().get(i).pieceId(0));
            }
        }
    }

    /** A task whose loss is the logarithm of zero: it makes every step it trains diverge. */
    public static final class Diverging
            implements PretrainingTask
    {
        @Override
        public TaskInfo info()
        {
            return new TaskInfo("testing-diverging", TaskFamily.OTHER, "a loss of log(0) (test task)");
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return new CustomHead()
            {
                @Override
                public int targetWidth()
                {
                    return 1;
                }

                @Override
                public SDVariable build(CustomHeadGraph graph)
                {
                    SDVariable weight = graph.sameDiff().var(graph.name("weight"), Nd4j.zeros(DataType.FLOAT, 16, 1));
                    SDVariable output = graph.pooledOutput().mmul(weight);
                    return graph.sameDiff().math.log(output.mul(graph.targets())).mean();
                }
            };
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            return (document, random) -> {
                InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
                input.add(document.sentences().get(0).tokens().get(0).pieceId(0)).separator();
                return List.of(input.build(new CustomTarget(new float[] {0f})));
            };
        }
    }

    /** Masked words, except that its label generator throws on one document. */
    public static final class FailsOnOneDocument
            implements PretrainingTask
    {
        private final String failingDocument;

        public FailsOnOneDocument(String failingDocument)
        {
            this.failingDocument = failingDocument;
        }

        @Override
        public TaskInfo info()
        {
            return new TaskInfo("testing-failing", TaskFamily.OTHER, "throws on one document (test task)");
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return MaskedTokenHead.create();
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            LabelGenerator masked = new MaskedWords().labels(context);
            return (document, random) -> {
                if (document.id().equals(failingDocument)) {
                    throw new IllegalStateException("cannot read this document's markers");
                }
                return masked.generate(document, random);
            };
        }
    }
}
