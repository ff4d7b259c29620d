package org.ernie4j.core.training.plugin;

/**
 * Java sources of small but real task plugins, compiled into jars by the tests.
 */
public final class TestingPluginSources
{
    private TestingPluginSources()
    {
    }

    /** A task that labels each sentence by whether it is longer than ten tokens. */
    public static String longSentenceTask(String packageName, String className, String taskName)
    {
        return """
                package %s;

                import java.util.ArrayList;
                import java.util.List;

                import org.ernie4j.spi.LabelGenerator;
                import org.ernie4j.spi.PretrainingTask;
                import org.ernie4j.spi.TaskContext;
                import org.ernie4j.spi.TaskFamily;
                import org.ernie4j.spi.TaskInfo;
                import org.ernie4j.spi.document.Sentence;
                import org.ernie4j.spi.example.Example;
                import org.ernie4j.spi.example.InputBuilder;
                import org.ernie4j.spi.example.SequenceLabel;
                import org.ernie4j.spi.head.HeadSpec;
                import org.ernie4j.spi.head.SequenceClassificationHead;

                public final class %s implements PretrainingTask
                {
                    @Override
                    public TaskInfo info()
                    {
                        return new TaskInfo("%s", TaskFamily.OTHER, "is a sentence longer than ten tokens");
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
                            for (Sentence sentence : document.sentences()) {
                                InputBuilder input = InputBuilder.start(context.vocabulary(), context.maxSequenceLength());
                                for (var token : sentence.tokens()) {
                                    if (input.remaining() <= token.pieceCount()) {
                                        break;
                                    }
                                    for (int piece = 0; piece < token.pieceCount(); piece++) {
                                        input.add(token.pieceId(piece));
                                    }
                                }
                                input.separator();
                                examples.add(input.build(new SequenceLabel(sentence.tokens().size() > 10 ? 1 : 0)));
                            }
                            return examples;
                        };
                    }
                }
                """.formatted(packageName, className, taskName);
    }
}
