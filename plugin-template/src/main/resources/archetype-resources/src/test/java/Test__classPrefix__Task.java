package ${package};

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TaskContractCheck;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingTaskContext;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Test${classPrefix}Task
{
    private static final ${classPrefix}Task TASK = new ${classPrefix}Task();
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void keepsTheTaskContract()
    {
        // The bundled real text and the edge cases of the test kit: labels in range, no answer in the inputs,
        // lengths within the maximum, deterministic for a seed, no exception on odd documents, every setting read.
        // A task with settings checks them here too: TaskContractCheck.verify(TASK, Map.of("my-setting", 3)).
        TaskContractCheck.verify(TASK);
    }

    @Test
    void labelsEveryWordByTheRule()
    {
        // This tests the placeholder rule (does the word hold a digit?): rewrite it for your own rule.
        Document document = TestingDocumentBuilder.document("met", VOCABULARY)
                .sentence("We met in 19 .")
                .build();
        List<Example> examples = TASK.labels(Fixtures.context(TASK.info().name(), Map.of())).generate(document, new SplittableRandom(1));

        assertThat(examples).singleElement().satisfies(example -> {
            assertThat(example.inputIds()).containsExactly(VOCABULARY.clsId(), VOCABULARY.id("we"), VOCABULARY.id("met"), VOCABULARY.id("in"),
                    VOCABULARY.id("19"), VOCABULARY.id("."), VOCABULARY.sepId());
            assertThat(((TokenLabels) example.target()).labels()).containsExactly(-1, 0, 0, 0, 1, 0, -1);
        });
    }

    @Test
    void packsWholeSentencesInOrderAsManyAsFit()
    {
        TestingDocumentBuilder builder = TestingDocumentBuilder.document("short", VOCABULARY);
        for (int i = 0; i < 30; i++) {
            builder.sentence("We must act .");
        }
        TestingTaskContext context = TestingTaskContext.builder(VOCABULARY).taskName(TASK.info().name()).maxSequenceLength(16).build();
        List<Example> examples = TASK.labels(context).generate(builder.build(), new SplittableRandom(3));

        // Each sentence is four pieces: with [CLS] and [SEP], three fit in 16 places and a fourth does not.
        int[] sentence = {VOCABULARY.id("we"), VOCABULARY.id("must"), VOCABULARY.id("act"), VOCABULARY.id(".")};
        assertThat(examples).hasSize(10).allSatisfy(example -> assertThat(example.inputIds()).containsExactly(VOCABULARY.clsId(),
                sentence[0], sentence[1], sentence[2], sentence[3], sentence[0], sentence[1], sentence[2], sentence[3],
                sentence[0], sentence[1], sentence[2], sentence[3], VOCABULARY.sepId()));
    }

    @Test
    void isFoundByTheServiceLoader()
    {
        assertThat(ServiceLoader.load(PretrainingTask.class).stream().map(ServiceLoader.Provider::type)).contains(${classPrefix}Task.class);
    }
}
