package org.ernie4j.core.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.ernie4j.core.engine.EngineKind;
import org.ernie4j.core.finetune.FinetuneKind;
import org.ernie4j.core.testing.TestingInferenceModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Threads that each ask the encoder or the classifier for one text while the engine is busy are answered by one engine
 * call together, each with what it gets alone (within float rounding: the call pads the texts to the longest). The engine
 * is kept busy by holding the monitor its calls take, so which texts share a call is decided by the test, not by timing.
 */
class TestConcurrentCallers
{
    private static final int CALLERS = 8;

    @Test
    void singleTextCallersShareTheEncodersNextCall() throws Exception
    {
        List<String> texts = sentences(0);
        try (TextEncoder encoder = new TextEncoder(TestingInferenceModels.encoder(), 0, EngineKind.FUSED, 2)) {
            List<Encoding> together = whileEngineBusy(encoder, "encodeBatch", texts, encoder::encode);
            assertThat(encoder.callTally()).as("the first caller's call, then every other caller's in one")
                    .isEqualTo(new CallTally(2, CALLERS));
            for (int i = 0; i < CALLERS; i++) {
                Encoding alone = encoder.encode(texts.get(i));
                Encoding shared = together.get(i);
                assertThat(shared.pieces()).isEqualTo(alone.pieces());
                assertClose(shared.mean(), alone.mean());
                assertClose(shared.pooled().orElseThrow(), alone.pooled().orElseThrow());
                for (int position = 0; position < alone.tokens().length; position++) {
                    assertClose(shared.tokens()[position], alone.tokens()[position]);
                }
            }
            assertThat(together.stream().map(Encoding::pieces).distinct().count()).as("eight different texts").isEqualTo(CALLERS);
        }
    }

    @Test
    void singleTextCallersShareTheClassifiersNextCall() throws Exception
    {
        List<String> labels = List.of("1790", "1932", "1973");
        List<String> texts = sentences(1);
        try (TextClassifier classifier = new TextClassifier(TestingInferenceModels.classifier(FinetuneKind.SEQUENCE, labels), EngineKind.FUSED, 2)) {
            List<Classification> together = whileEngineBusy(classifier, "logits", texts, classifier::classify);
            assertThat(classifier.callTally()).isEqualTo(new CallTally(2, CALLERS));
            List<Classification> listed = classifier.classify(texts);
            for (int i = 0; i < CALLERS; i++) {
                Classification alone = classifier.classify(texts.get(i));
                for (Classification other : List.of(together.get(i), listed.get(i))) {
                    assertThat(other.label()).isEqualTo(alone.label());
                    for (String label : labels) {
                        assertThat(other.probabilities().get(label)).isCloseTo(alone.probabilities().get(label), within(1e-5));
                    }
                }
            }
        }
    }

    /** Eight sentences of different lengths from one of the test addresses. */
    private static List<String> sentences(int address)
    {
        List<String> sentences = TestingInferenceModels.sentences(TestingInferenceModels.ADDRESSES.get(address));
        List<String> chosen = new ArrayList<>();
        for (int i = 0; chosen.size() < CALLERS; i += 3) {
            chosen.add(sentences.get(i));
        }
        return chosen;
    }

    /**
     * Holding {@code engineMonitor}, starts the first caller and waits until its call is blocked on that monitor in {@code
     * engineMethod}; then starts the others one by one, each once the one before waits in the queue; then lets the engine
     * go. Gives each caller's answer, in the callers' order.
     */
    private static <T> List<T> whileEngineBusy(Object engineMonitor, String engineMethod, List<String> texts, Function<String, T> call)
            throws Exception
    {
        List<CompletableFuture<T>> answers = new ArrayList<>();
        synchronized (engineMonitor) {
            for (int i = 0; i < texts.size(); i++) {
                CompletableFuture<T> answer = new CompletableFuture<>();
                String text = texts.get(i);
                Thread caller = new Thread(() -> {
                    try {
                        answer.complete(call.apply(text));
                    }
                    catch (RuntimeException | Error e) {
                        answer.completeExceptionally(e);
                    }
                }, "caller " + i);
                caller.start();
                answers.add(answer);
                if (i == 0) {
                    await(caller, Thread.State.BLOCKED, engineMethod);
                }
                else {
                    await(caller, Thread.State.WAITING, "submit");
                }
            }
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> answer : answers) {
            results.add(answer.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void await(Thread thread, Thread.State state, String method) throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != state || Arrays.stream(thread.getStackTrace()).noneMatch(frame -> frame.getMethodName().equals(method))) {
            assertThat(System.nanoTime()).as(thread.getName() + " is " + state + " in " + method + " within 30 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void assertClose(float[] actual, float[] expected)
    {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-4f));
        }
    }
}
