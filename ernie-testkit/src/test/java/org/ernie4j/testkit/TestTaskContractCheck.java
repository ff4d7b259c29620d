package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.baseline.BaselineAccuracy;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.InputBuilder;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.CustomHeadGraph;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract check must pass well-behaved tasks and catch each way of breaking the contract.
 */
class TestTaskContractCheck
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final List<Document> DOCUMENTS = Fixtures.sotu();
    private static final int MAX_LENGTH = 32;

    @Test
    void passesAWellBehavedClassificationTask()
    {
        assertThat(check(task(SequenceClassificationHead.of(2), (sentence, input) -> new SequenceLabel(sentence.tokens().size() % 2))))
                .isEmpty();
    }

    @Test
    void passesAWellBehavedMaskingTask()
    {
        assertThat(check(maskFirstPiece(SpecialPiece.NEVER))).isEmpty();
    }

    @Test
    void passesAWellBehavedCustomTask()
    {
        assertThat(check(task(new WidthHead(2), (sentence, input) -> new CustomTarget(new float[] {1, 0})))).isEmpty();
    }

    @Test
    void catchesATargetOfTheWrongKind()
    {
        assertThat(check(task(MaskedTokenHead.create(), (sentence, input) -> new SequenceLabel(0))))
                .isNotEmpty()
                .allMatch(violation -> violation.endsWith("target SequenceLabel does not fit the head (masked-token prediction over the vocabulary)"));
        assertThat(check(task(TokenClassificationHead.of(2), (sentence, input) -> new SequenceLabel(0))))
                .allMatch(violation -> violation.endsWith("target SequenceLabel does not fit the head (token classification, 2 classes)"));
        assertThat(check(task(new WidthHead(2), (sentence, input) -> new SequenceLabel(0))))
                .allMatch(violation -> violation.contains("target SequenceLabel does not fit the head"));
    }

    @Test
    void catchesLabelsOutOfRange()
    {
        assertThat(check(task(SequenceClassificationHead.of(2), (sentence, input) -> new SequenceLabel(2))))
                .isNotEmpty()
                .allMatch(violation -> violation.endsWith("label 2 is not below the head's 2 classes"));
        assertThat(check(task(TokenClassificationHead.of(3), (sentence, input) -> {
            int[] labels = new int[input.length()];
            Arrays.fill(labels, TokenLabels.IGNORED);
            labels[1] = 3;
            return new TokenLabels(labels);
        }))).isNotEmpty().allMatch(violation -> violation.endsWith("token label 3 at position 1 is not below the head's 3 classes"));
        assertThat(check(task(new WidthHead(3), (sentence, input) -> new CustomTarget(new float[] {1, 0}))))
                .isNotEmpty().allMatch(violation -> violation.endsWith("custom target has width 2, but the head expects 3"));
    }

    @Test
    void catchesSpecialPiecesAsMaskedTargets()
    {
        assertThat(check(maskFirstPiece(SpecialPiece.CLS_AS_ORIGINAL)))
                .isNotEmpty()
                .allMatch(violation -> violation.endsWith("original id at position 1 is the special piece [CLS]: a special piece is never a prediction target"));
        assertThat(check(maskFirstPiece(SpecialPiece.MASK_POSITION_ZERO)))
                .isNotEmpty()
                .allMatch(violation -> violation.endsWith("masked position 0 is the input's [CLS]"));
    }

    @Test
    void catchesMaskedExamplesThatPredictNothing()
    {
        assertThat(check(task(MaskedTokenHead.create(), (sentence, input) -> new MaskedTokens(new int[0], new int[0]))))
                .isNotEmpty()
                .allMatch(violation -> violation.endsWith("masked-token example predicts nothing: it adds only cost to a batch"));
    }

    @Test
    void catchesInputsWithoutClsAndSep()
    {
        PretrainingTask task = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> document.sentences().isEmpty()
                ? List.of()
                : List.of(new Example(new int[] {5, 7, 9}, new int[3], new SequenceLabel(0))));
        assertThat(check(task))
                .contains("document '" + DOCUMENTS.get(0).id() + "' example 0: input starts with 5 (" + VOCABULARY.piece(5) + "), not [CLS]")
                .contains("document '" + DOCUMENTS.get(0).id() + "' example 0: input ends with 9 (" + VOCABULARY.piece(9) + "), not [SEP]");
    }

    @Test
    void catchesInputsLongerThanTheMaximum()
    {
        // This task ignores the maximum length and puts every sentence whole into one input.
        PretrainingTask task = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> {
            List<Example> examples = new ArrayList<>();
            for (Sentence sentence : document.sentences()) {
                InputBuilder input = InputBuilder.start(context.vocabulary(), 100_000);
                sentence.tokens().forEach(token -> input.addAll(token.pieceIds()));
                examples.add(input.separator().build(new SequenceLabel(0)));
            }
            return examples;
        });
        // Even with no documents of its own, the check's edge cases include a sentence too long for any input.
        assertThat(TaskContractCheck.of(task, context()).violations(List.of()))
                .anyMatch(violation -> violation.startsWith("document 'edge-long-sentence' example 0: input has ")
                        && violation.endsWith(" positions, more than the maximum length 32"));
    }

    @Test
    void catchesSegmentIdsOutOfOrderOrRange()
    {
        PretrainingTask decreasing = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> List.of(
                new Example(new int[] {VOCABULARY.clsId(), 10, VOCABULARY.sepId()}, new int[] {0, 1, 0}, new SequenceLabel(0))));
        assertThat(check(decreasing)).contains("document 'edge-empty' example 0: segment ids decrease at position 2");
        PretrainingTask three = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> List.of(
                new Example(new int[] {VOCABULARY.clsId(), 10, VOCABULARY.sepId()}, new int[] {0, 1, 2}, new SequenceLabel(0))));
        assertThat(check(three)).contains("document 'edge-empty' example 0: segment id 2 at position 2 is neither 0 nor 1");
    }

    @Test
    void catchesATaskThatIsNotDeterministic()
    {
        // State kept between calls: the first document of the second pass is labelled differently from the first pass.
        PretrainingTask task = new SimpleTask(SequenceClassificationHead.of(2), context -> new LabelGenerator()
        {
            private int calls;

            @Override
            public List<Example> generate(Document document, RandomGenerator random)
            {
                calls++;
                return List.of(InputBuilder.start(context.vocabulary(), 4).separator().build(new SequenceLabel(calls == 1 ? 0 : 1)));
            }
        });
        assertThat(check(task)).anyMatch(violation -> violation.startsWith("document '" + DOCUMENTS.get(0).id() + "': not deterministic, the same generator, documents in reverse order with the same seed gave a different example 0"));
    }

    @Test
    void catchesExceptionsAndNullsOnOddDocuments()
    {
        PretrainingTask throwing = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> {
            if (document.sentences().isEmpty()) {
                throw new IllegalStateException("no first sentence");
            }
            return List.of();
        });
        assertThat(check(throwing)).containsExactly("document 'edge-empty': generate threw java.lang.IllegalStateException: no first sentence");
        PretrainingTask nulls = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> document.sentences().isEmpty() ? null : List.of());
        assertThat(check(nulls)).containsExactly("document 'edge-empty': generate returned null instead of a list");
    }

    @Test
    void catchesMissingPartsOfTheTask()
    {
        assertThat(check(new SimpleTask(null, context -> (document, random) -> List.of()))).containsExactly("head(context) returned null");
        assertThat(check(new SimpleTask(MaskedTokenHead.create(), context -> null))).containsExactly("labels(context) returned null");
        assertThat(check(new SimpleTask(MaskedTokenHead.create(), context -> {
            throw new IllegalStateException("no vocabulary");
        }))).containsExactly("labels(context) threw java.lang.IllegalStateException: no vocabulary");
    }

    @Test
    void verifyFailsListingTheViolationsAndCapsTheirNumber()
    {
        PretrainingTask task = task(SequenceClassificationHead.of(2), (sentence, input) -> new SequenceLabel(5));
        TaskContractCheck check = TaskContractCheck.of(task, context());
        assertThatThrownBy(() -> check.verify(DOCUMENTS))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("task 'fake' breaks the task contract:\n  document '" + DOCUMENTS.get(0).id() + "' example 0: label 5 is not below the head's 2 classes");
        List<String> many = check.violations(Collections.nCopies(30, DOCUMENTS).stream().flatMap(List::stream).toList());
        assertThat(many).hasSize(51).last().asString().matches("\\.\\.\\. and \\d+ more");
    }

    @Test
    void usesTheSeedItIsGiven()
    {
        PretrainingTask task = task(SequenceClassificationHead.of(2), (sentence, input) -> new SequenceLabel(0));
        assertThat(TaskContractCheck.of(task, context()).withSeed(7).violations(DOCUMENTS)).isEmpty();
    }

    @Test
    void catchesSpecialPiecesThatCarryNoText()
    {
        PretrainingTask padded = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> List.of(
                new Example(new int[] {VOCABULARY.clsId(), VOCABULARY.padId(), 10, VOCABULARY.sepId()}, new int[4], new SequenceLabel(0))));
        assertThat(check(padded)).contains("document 'edge-empty' example 0: input holds the special piece [PAD] at position 1:"
                + " only [CLS], [SEP], [MASK] and [UNK] belong in an input");
        PretrainingTask secondCls = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> List.of(
                new Example(new int[] {VOCABULARY.clsId(), 10, VOCABULARY.clsId(), VOCABULARY.sepId()}, new int[4], new SequenceLabel(0))));
        assertThat(check(secondCls)).contains("document 'edge-empty' example 0: input holds [CLS] at position 2: [CLS] belongs at position 0 only");
    }

    @Test
    void catchesTokenLabelsOnStructuralPiecesAndExamplesWithoutLabels()
    {
        PretrainingTask onSep = new SimpleTask(TokenClassificationHead.of(2), context -> (document, random) -> List.of(
                new Example(new int[] {VOCABULARY.clsId(), 10, VOCABULARY.sepId()}, new int[3], new TokenLabels(new int[] {-1, 0, 1}))));
        assertThat(check(onSep)).contains("document 'edge-empty' example 0: token label at position 2 is on [SEP]: a structural piece has no word to label");
        PretrainingTask unlabelled = new SimpleTask(TokenClassificationHead.of(2), context -> (document, random) -> List.of(
                new Example(new int[] {VOCABULARY.clsId(), 10, VOCABULARY.sepId()}, new int[3], new TokenLabels(new int[] {-1, -1, -1}))));
        assertThat(check(unlabelled)).contains("document 'edge-empty' example 0: token-labelled example labels no position: it adds only cost to a batch");
    }

    @Test
    void catchesMaskedPositionsThatGiveTheAnswerAway()
    {
        assertThat(check(maskFirstPiece(SpecialPiece.KEEP_ALL)))
                .singleElement().asString()
                .matches("\\d+ of \\d+ masked positions \\(100%\\) show their original piece in the input, more than the 50% allowed:"
                        + " the answer is in the input \\(BERT keeps 10% unchanged\\)");
        assertThat(TaskContractCheck.of(maskFirstPiece(SpecialPiece.KEEP_ALL), context()).withMaxKeptShare(1).violations(DOCUMENTS)).isEmpty();
        assertThat(check(maskFirstPiece(SpecialPiece.SEP_SHOWN)))
                .isNotEmpty()
                .allMatch(violation -> violation.endsWith("masked position 1 shows [SEP] instead of [MASK], a word piece or its original"));
        assertThatThrownBy(() -> TaskContractCheck.of(maskFirstPiece(SpecialPiece.NEVER), context()).withMaxKeptShare(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catchesSequenceLabelsThatTheLayoutGivesAway()
    {
        // Inputs of class 1 get a second [SEP]: a model learns to count separators, not to read.
        PretrainingTask leaking = task(SequenceClassificationHead.of(2), (sentence, input) -> new SequenceLabel(0), (sentence, input) -> {
            int label = sentence.tokens().size() % 2;
            if (label == 1 && input.remaining() > 0) {
                input.separator();
            }
            return new SequenceLabel(label);
        });
        assertThat(check(leaking)).singleElement().asString()
                .startsWith("the label of every example follows from the layout of its special pieces alone, '[CLS] [SEP]' is always 0,")
                .contains("'[CLS] w [SEP] [SEP]' is always 1")
                .endsWith(": the answer leaks through how the input is built, not what its text says");
        // The kit reports what the layout alone gets right: here every label, learned on half the documents.
        BaselineAccuracy baseline = TaskContractCheck.of(leaking, context()).baseline(DOCUMENTS);
        assertThat(baseline.items()).isPositive();
        assertThat(baseline.layout()).isEqualTo(1.0);
        assertThat(baseline.majority()).isLessThan(1.0);
    }

    @Test
    void reportsALayoutBaselineNearTheMajorityWhenTheLabelComesFromTheText()
    {
        // The parity of a sentence's word count: the input shows the words, never their parity through its layout, but a
        // run of text's length (in powers of two) says a little about it.
        PretrainingTask fromText = task(SequenceClassificationHead.of(2), (sentence, input) -> new SequenceLabel(sentence.tokens().size() % 2));
        BaselineAccuracy baseline = TaskContractCheck.of(fromText, context()).baseline(DOCUMENTS);
        assertThat(baseline.items()).isGreaterThan(20);
        assertThat(baseline.layout()).isLessThan(0.8);
        assertThat(baseline.best()).isLessThan(1.0);
    }

    @Test
    void catchesTokenLabelsThatTheNeighbouringPiecesGiveAway()
    {
        assertThat(check(sentenceStarts(true))).singleElement().asString()
                .startsWith("the label of every position follows from the special pieces next to it alone, ")
                .contains("'[SEP] w w' is always 1")
                .contains("'w w [SEP]' is always 0");
        // The same labels without the telling separators must be read from the words.
        assertThat(check(sentenceStarts(false))).isEmpty();
    }

    @Test
    void catchesSettingsThatAreNotReadWhenTheTaskJoins()
    {
        PretrainingTask lazy = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> {
            int label = context.settings().getInt("label", 0);
            return List.of(InputBuilder.start(context.vocabulary(), 4).separator().build(new SequenceLabel(label)));
        });
        assertThat(TaskContractCheck.of(lazy, contextWith(Map.of("label", 1))).violations(DOCUMENTS))
                .containsExactly("setting 'label' was not read by head(context) or labels(context): a run stops with \"unknown setting\""
                        + " (read every setting there, not while generating)");
        PretrainingTask eager = new SimpleTask(SequenceClassificationHead.of(2), context -> {
            int label = context.settings().getInt("label", 0);
            return (document, random) -> List.of(InputBuilder.start(context.vocabulary(), 4).separator().build(new SequenceLabel(label)));
        });
        assertThat(TaskContractCheck.of(eager, contextWith(Map.of("label", 1))).violations(DOCUMENTS)).isEmpty();
    }

    @Test
    void catchesStateKeptInTheTaskBetweenGenerators()
    {
        // Each generator is deterministic, but the second one differs from the first: a resumed run would see other data.
        AtomicInteger generators = new AtomicInteger();
        PretrainingTask task = new SimpleTask(SequenceClassificationHead.of(2), context -> {
            int label = generators.getAndIncrement() % 2;
            return (document, random) -> List.of(InputBuilder.start(context.vocabulary(), 4).separator().build(new SequenceLabel(label)));
        });
        assertThat(check(task)).anyMatch(violation -> violation.startsWith("document '" + DOCUMENTS.get(0).id()
                + "': not deterministic, a generator from a second labels(context) call with the same seed gave a different example 0"));
    }

    @Test
    void catchesAGeneratorThatDrawsFromItsOwnRandomness()
    {
        PretrainingTask task = new SimpleTask(SequenceClassificationHead.of(2), context -> {
            SplittableRandom own = new SplittableRandom();
            return (document, random) -> List.of(InputBuilder.start(context.vocabulary(), 4).separator().build(new SequenceLabel(own.nextInt(2))));
        });
        assertThat(check(task)).anyMatch(violation -> violation.contains("not deterministic"));
    }

    @Test
    void oneCallChecksTheFixtureWithSettings()
    {
        PretrainingTask eager = new SimpleTask(SequenceClassificationHead.of(2), context -> {
            int label = context.settings().getInt("label", 0);
            return (document, random) -> List.of(InputBuilder.start(context.vocabulary(), 4).separator().build(new SequenceLabel(label)));
        });
        TaskContractCheck.verify(eager);
        TaskContractCheck.verify(eager, Map.of("label", 1));
        assertThatThrownBy(() -> TaskContractCheck.verify(eager, Map.of("label", 2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("task 'fake' breaks the task contract:\n  document '" + DOCUMENTS.get(0).id() + "' example 0: label 2 is not below the head's 2 classes");
        assertThatThrownBy(() -> TaskContractCheck.verify(eager, Map.of("lable", 1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("setting 'lable' was not read");
        assertThatThrownBy(() -> TaskContractCheck.verify(eager, Map.of("label", "one")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("labels(context) threw org.ernie4j.spi.InvalidSettingException: tasks.fake.label: expected an integer, not the text 'one'");
    }

    @Test
    void oneCallChecksTheEdgeCasesToo()
    {
        PretrainingTask fragile = new SimpleTask(SequenceClassificationHead.of(2), context -> (document, random) -> {
            List<Example> examples = new ArrayList<>();
            for (Sentence sentence : document.sentences()) {
                for (Token token : sentence.tokens()) {
                    // Assumes that a word always fits into an empty input.
                    InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
                    examples.add(input.addAll(token.pieceIds()).separator().build(new SequenceLabel(0)));
                }
            }
            return examples;
        });
        assertThatThrownBy(() -> TaskContractCheck.verify(fragile))
                .isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("breaks the task contract:\n  document 'edge-long-word': generate threw java.lang.IllegalStateException:"
                        + " 138 pieces do not fit; 127 places remain of 128");
    }

    /** The violations, without the line that counts those left out when there are many. */
    private static List<String> check(PretrainingTask task)
    {
        return TaskContractCheck.of(task, context()).violations(DOCUMENTS).stream()
                .filter(violation -> !violation.matches("\\.\\.\\. and \\d+ more"))
                .toList();
    }

    private static TestingTaskContext context()
    {
        return contextWith(Map.of());
    }

    private static TestingTaskContext contextWith(Map<String, ?> settings)
    {
        return TestingTaskContext.builder(VOCABULARY).taskName("fake").settings(settings).maxSequenceLength(MAX_LENGTH).build();
    }

    /**
     * A task with one example per sentence, cut to the maximum length, whose target {@code label} chooses.
     */
    private static PretrainingTask task(HeadSpec head, BiFunction<Sentence, InputBuilder, Target> label)
    {
        return task(head, label, label);
    }

    /** Like {@link #task(HeadSpec, BiFunction)}, with another labelling for sentences that do not fit whole. */
    private static PretrainingTask task(HeadSpec head, BiFunction<Sentence, InputBuilder, Target> cut, BiFunction<Sentence, InputBuilder, Target> whole)
    {
        return new SimpleTask(head, context -> (document, random) -> {
            List<Example> examples = new ArrayList<>();
            for (Sentence sentence : document.sentences()) {
                InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
                boolean fits = sentence.pieceCount() + 3 <= context.maxSequenceLength();
                sentence.tokens().stream().flatMapToInt(token -> Arrays.stream(token.pieceIds()))
                        .limit(context.maxSequenceLength() - 2)
                        .forEach(input::add);
                input.separator();
                examples.add(input.build((fits ? whole : cut).apply(sentence, input)));
            }
            return examples;
        });
    }

    private enum SpecialPiece
    {
        NEVER, CLS_AS_ORIGINAL, MASK_POSITION_ZERO, KEEP_ALL, SEP_SHOWN
    }

    /** Masks the first piece of each sentence with a random choice of position among the first few. */
    private static PretrainingTask maskFirstPiece(SpecialPiece special)
    {
        return new SimpleTask(MaskedTokenHead.create(), context -> (document, random) -> {
            Vocabulary vocabulary = context.vocabulary();
            List<Example> examples = new ArrayList<>();
            for (Sentence sentence : document.sentences()) {
                if (sentence.tokens().isEmpty() || vocabulary.isSpecial(sentence.tokens().get(0).pieceId(0))) {
                    continue;
                }
                int original = sentence.tokens().get(0).pieceId(0);
                InputBuilder input = InputBuilder.start(vocabulary, context.maxSequenceLength())
                        // BERT-like: mostly hidden, one time in ten left as it is.
                        .add(random.nextInt(10) == 0 ? original : vocabulary.maskId())
                        .separator();
                examples.add(switch (special) {
                    case NEVER -> input.build(new MaskedTokens(new int[] {1}, new int[] {original}));
                    case CLS_AS_ORIGINAL -> input.build(new MaskedTokens(new int[] {1}, new int[] {vocabulary.clsId()}));
                    case MASK_POSITION_ZERO -> input.build(new MaskedTokens(new int[] {0}, new int[] {original}));
                    case KEEP_ALL -> input.set(1, original).build(new MaskedTokens(new int[] {1}, new int[] {original}));
                    case SEP_SHOWN -> input.set(1, vocabulary.sepId()).build(new MaskedTokens(new int[] {1}, new int[] {original}));
                });
            }
            return examples;
        });
    }

    /**
     * Labels the first piece of every word 1 when the word starts a sentence and 0 otherwise, over inputs of several
     * sentences; with {@code separated}, a [SEP] between the sentences gives the answer away.
     */
    private static PretrainingTask sentenceStarts(boolean separated)
    {
        return new SimpleTask(TokenClassificationHead.of(2), context -> (document, random) -> {
            List<Example> examples = new ArrayList<>();
            InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
            List<Integer> labels = new ArrayList<>(List.of(TokenLabels.IGNORED));
            for (Sentence sentence : document.sentences()) {
                if (sentence.pieceCount() + 2 > input.remaining()) {
                    break;
                }
                for (int index = 0; index < sentence.tokens().size(); index++) {
                    int[] pieces = sentence.tokens().get(index).pieceIds();
                    for (int piece = 0; piece < pieces.length; piece++) {
                        input.add(pieces[piece]);
                        labels.add(piece > 0 || input.length() == 2 ? TokenLabels.IGNORED : index == 0 ? 1 : 0);
                    }
                }
                if (separated) {
                    input.separator();
                    labels.add(TokenLabels.IGNORED);
                }
            }
            if (labels.stream().allMatch(label -> label == TokenLabels.IGNORED) || input.remaining() == 0) {
                return List.of();
            }
            input.separator();
            labels.add(TokenLabels.IGNORED);
            examples.add(input.build(new TokenLabels(labels.stream().mapToInt(Integer::intValue).toArray())));
            return examples;
        });
    }

    private record SimpleTask(HeadSpec head, Function<TaskContext, LabelGenerator> generator)
            implements PretrainingTask
    {
        @Override
        public TaskInfo info()
        {
            return new TaskInfo("fake", TaskFamily.OTHER, "a task made up by a test");
        }

        @Override
        public HeadSpec head(TaskContext context)
        {
            return head;
        }

        @Override
        public LabelGenerator labels(TaskContext context)
        {
            return generator.apply(context);
        }
    }

    private record WidthHead(int targetWidth)
            implements CustomHead
    {
        @Override
        public SDVariable build(CustomHeadGraph graph)
        {
            throw new UnsupportedOperationException("never built in these tests");
        }
    }
}
