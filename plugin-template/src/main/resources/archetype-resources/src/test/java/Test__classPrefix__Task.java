package ${package};

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;

import org.ernie4j.spi.InvalidSettingException;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.testing.Fixtures;
import org.ernie4j.spi.testing.TaskContractCheck;
import org.ernie4j.spi.testing.TestingDocumentBuilder;
import org.ernie4j.spi.testing.TestingTaskContext;
import org.ernie4j.spi.testing.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Test${classPrefix}Task
{
    private static final ${classPrefix}Task TASK = new ${classPrefix}Task();
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void keepsTheTaskContract()
    {
        // The bundled real text and the edge cases of the SPI's test kit: labels in range, no answer in the inputs,
        // lengths within the maximum, deterministic for a seed, no exception on odd documents, every setting read.
        TaskContractCheck.verify(TASK);
        TaskContractCheck.verify(TASK, Map.of("max-sentences", 2));
        TaskContractCheck.verify(TASK, Map.of("max-sentences", 8));
    }

    @Test
    void labelsTheWordsThatStartASentence()
    {
        Document document = TestingDocumentBuilder.document("war", VOCABULARY)
                .sentence("The war is over .")
                .sentence("We must act .")
                .build();
        List<Example> examples = TASK.labels(context(Map.of("max-sentences", 2))).generate(document, new SplittableRandom(1));

        assertThat(examples).singleElement().satisfies(example -> {
            // [CLS] the war is over . we must act . [SEP], with nothing between the sentences.
            assertThat(example.inputIds()).containsExactly(VOCABULARY.clsId(), VOCABULARY.id("the"), VOCABULARY.id("war"),
                    VOCABULARY.id("is"), VOCABULARY.id("over"), VOCABULARY.id("."), VOCABULARY.id("we"), VOCABULARY.id("must"),
                    VOCABULARY.id("act"), VOCABULARY.id("."), VOCABULARY.sepId());
            // "The" starts the input, so it teaches nothing; "We" starts the second sentence; punctuation is not labelled.
            assertThat(((TokenLabels) example.target()).labels()).containsExactly(-1, -1, 0, 0, 0, -1, 1, 0, 0, -1, -1);
        });
    }

    @Test
    void labelsOnlyRealSentenceStartsAsStartsOnTheFixture()
    {
        int starts = 0;
        int labelled = 0;
        for (Document document : Fixtures.sotu()) {
            Set<Integer> firstPieces = new HashSet<>();
            for (Sentence sentence : document.sentences()) {
                sentence.tokens().stream()
                        .filter(token -> token.surface().codePoints().anyMatch(Character::isLetterOrDigit))
                        .findFirst()
                        .ifPresent(token -> firstPieces.add(token.pieceId(0)));
            }
            for (Example example : TASK.labels(context(Map.of())).generate(document, new SplittableRandom(7))) {
                TokenLabels labels = (TokenLabels) example.target();
                for (int position = 0; position < labels.length(); position++) {
                    if (labels.label(position) == ${classPrefix}Labels.STARTS) {
                        assertThat(firstPieces).as("a start in %s at position %d", document.id(), position).contains(example.inputId(position));
                        starts++;
                    }
                }
                labelled += labels.labelledCount();
            }
        }
        // Addresses have sentences of twenty to forty words: a few percent of the labelled words start one.
        assertThat(starts).isPositive();
        assertThat((double) starts / labelled).isBetween(0.01, 0.2);
    }

    @Test
    void packsAtMostTheConfiguredNumberOfSentences()
    {
        TestingDocumentBuilder builder = TestingDocumentBuilder.document("short", VOCABULARY);
        for (int i = 0; i < 30; i++) {
            builder.sentence("We must act .");
        }
        List<Example> examples = TASK.labels(context(Map.of("max-sentences", 4))).generate(builder.build(), new SplittableRandom(3));
        // Each sentence is four pieces; [CLS] and [SEP] are the other two.
        List<Integer> sentencesPerInput = examples.stream().map(example -> (example.length() - 2) / 4).toList();
        assertThat(sentencesPerInput.subList(0, sentencesPerInput.size() - 1)).allMatch(count -> count >= 2 && count <= 4);
        assertThat(sentencesPerInput.get(sentencesPerInput.size() - 1)).isBetween(1, 4);
        assertThat(sentencesPerInput.stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(new HashSet<>(sentencesPerInput)).as("the number is drawn for each input").hasSizeGreaterThan(1);
    }

    @Test
    void refusesInputsOfASingleSentence()
    {
        assertThatThrownBy(() -> TASK.labels(context(Map.of("max-sentences", 1))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("tasks.${taskName}.max-sentences: must be at least 2, so that an input holds a sentence start to find, but is 1");
    }

    @Test
    void isFoundByTheServiceLoader()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type)).contains(${classPrefix}Task.class);
    }

    private static TestingTaskContext context(Map<String, ?> settings)
    {
        return Fixtures.context(TASK.info().name(), settings);
    }
}
