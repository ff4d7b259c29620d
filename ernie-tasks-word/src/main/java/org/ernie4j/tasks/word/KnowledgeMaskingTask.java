package org.ernie4j.tasks.word;

import org.ernie4j.spi.LabelGenerator;
import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.TaskContext;
import org.ernie4j.spi.TaskFamily;
import org.ernie4j.spi.TaskInfo;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;

import static java.util.Objects.requireNonNull;

/**
 * Knowledge masking, the word-aware task ERNIE 2.0 takes from ERNIE 1.0: instead of single word pieces, hide whole named
 * entities and whole phrases, and predict every original piece. A model that must restore "United States" from
 * {@code the [MASK] [MASK] by instruments} has to know the entity, not merely finish a word from its other half.
 *
 * <h2>Examples</h2>
 * Each document is cut into windows of consecutive whole sentences that fit the model's input with {@code [CLS]} and
 * {@code [SEP]}; a sentence too long on its own is cut between words, preferably where no entity or phrase is split, into
 * windows of its own. Every window yields one example, {@code [CLS] pieces [SEP]} in segment 0, whose target lists the
 * positions and original pieces of every piece hidden ({@link org.ernie4j.spi.example.MaskedTokens}); the head is
 * {@link MaskedTokenHead}.
 *
 * <h2>Masking units</h2>
 * <ul>
 * <li>entity: an entity span of the annotation (a run of proper nouns, or a gazetteer match);</li>
 * <li>phrase: a chunk of two or more tokens, such as a noun phrase, that does not split an entity;</li>
 * <li>word: a single token, with all its pieces; in the mixed strategy only tokens outside every entity and phrase, so that
 * a token inside one is only ever hidden with the whole of it.</li>
 * </ul>
 * Tokens without a letter or digit (punctuation) are never a unit of their own, and units whose pieces include
 * {@code [UNK]} or another special piece are never chosen. Chosen units never overlap, and every piece of a chosen unit is
 * a target.
 *
 * <h2>How many, and which</h2>
 * Units are chosen at random until they cover about {@code masking-rate} of the window's pieces: the covered count ends
 * as near the budget {@code masking-rate * pieces} as the units allow and never exceeds it by a whole unit; a window gets
 * at least one unit whenever it has any. The mixed strategy spends {@code entity-share} of the budget on entities,
 * {@code phrase-share} on phrases and the rest on words; a kind that runs short leaves its share to the kinds after it
 * (entities, then phrases, then words), and anything still missing is filled from whatever units remain.
 *
 * <p>Each chosen unit is then corrupted as a whole, BERT's 80/10/10 decided per unit: with {@code mask-probability} all of
 * its pieces become {@code [MASK]}, with {@code random-probability} all become random non-special pieces (each other than
 * the piece it replaces), otherwise it stays as it is. So a masked or randomized unit never shows one of its original
 * pieces at its positions; only a kept unit does, by design, and {@code mask-probability: 1} hides every unit.
 *
 * <h2>Settings</h2>
 * <table>
 * <caption>Settings under {@code tasks.knowledge-masking}</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code masking-rate}</td><td>0.15</td><td>share of each window's pieces to hide; greater than 0, at most 1</td></tr>
 * <tr><td>{@code strategy}</td><td>{@code mixed}</td><td>{@code mixed}: entities, phrases and words in the shares below;
 * {@code entity}: entities only; {@code phrase}: phrases only; {@code word}: single whole words only (a baseline). With
 * {@code entity} or {@code phrase}, a window without such a unit masks words instead, and the run is warned once.</td></tr>
 * <tr><td>{@code entity-share}</td><td>0.4</td><td>mixed strategy: share of the budget for entities, 0 to 1</td></tr>
 * <tr><td>{@code phrase-share}</td><td>0.4</td><td>mixed strategy: share of the budget for phrases, 0 to 1; with
 * {@code entity-share} at most 1. Words get the rest (0.2 by default).</td></tr>
 * <tr><td>{@code mask-probability}</td><td>0.8</td><td>chance that a chosen unit becomes all {@code [MASK]}</td></tr>
 * <tr><td>{@code random-probability}</td><td>0.1</td><td>chance that a chosen unit becomes random pieces; with
 * {@code mask-probability} at most 1. The remaining chance keeps the unit unchanged.</td></tr>
 * </table>
 * A value out of range fails when the task joins the run, with an error naming its path, such as
 * {@code tasks.knowledge-masking.masking-rate: must be greater than 0 and at most 1, not 1.5}.
 *
 * <h2>Skips</h2>
 * Nothing a document contains makes the task throw. It reports through the run's {@link org.ernie4j.spi.TaskReporter}:
 * documents without word pieces, windows with nothing to mask (only punctuation, unknown pieces, or names holding an
 * unknown piece), and single words too long for any input, which are left out.
 *
 * <p>All randomness comes from the random source the core passes to {@link LabelGenerator#generate}, so the examples of a
 * document are the same for the same source state.
 */
public final class KnowledgeMaskingTask
        implements PretrainingTask
{
    public static final String NAME = "knowledge-masking";

    private static final TaskInfo INFO = new TaskInfo(NAME, TaskFamily.WORD_AWARE,
            "predict whole masked named entities and phrases rather than single word pieces (ERNIE 1.0 knowledge masking)");

    @Override
    public TaskInfo info()
    {
        return INFO;
    }

    @Override
    public HeadSpec head(TaskContext context)
    {
        return MaskedTokenHead.create();
    }

    /**
     * Reads and validates the settings and returns the task's generator for the run.
     *
     * @throws org.ernie4j.spi.InvalidSettingException naming the path of a setting out of range
     */
    @Override
    public LabelGenerator labels(TaskContext context)
    {
        requireNonNull(context, "context is null");
        KnowledgeMaskingSettings settings = KnowledgeMaskingSettings.read(context.settings());
        if (settings.strategy() != MaskingStrategy.MIXED
                && (context.settings().keys().contains(KnowledgeMaskingSettings.ENTITY_SHARE) || context.settings().keys().contains(KnowledgeMaskingSettings.PHRASE_SHARE))) {
            context.reporter().warnOnce("knowledge-masking: entity-share and phrase-share apply to the mixed strategy only, and strategy is '"
                    + settings.strategy().configName() + "'");
        }
        return new KnowledgeMaskingGenerator(settings, context.vocabulary(), context.maxSequenceLength(), context.reporter());
    }

    @Override
    public String toString()
    {
        return NAME;
    }
}
