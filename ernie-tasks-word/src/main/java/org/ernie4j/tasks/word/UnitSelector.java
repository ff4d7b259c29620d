package org.ernie4j.tasks.word;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Chooses which units of a window to hide, so that they cover about {@code masking-rate} of the window's pieces.
 *
 * <p>The budget is {@code rate * pieces}, a real number. Units are offered in phases, each with a cumulative target
 * (pieces covered so far, all phases together). A phase offers its units in random order and takes each that fits under
 * its target. The first unit that does not fit ends the phase: it is taken with probability
 * {@code (target - covered) / size}, which makes the expected covered count equal the target, so that over many windows
 * the masked share is the rate itself rather than biased down (by stopping short) or up (by always overshooting). An
 * earlier phase may overshoot its own target only while staying within the budget; the rest of its share falls to the
 * later phases. Once a phase aiming at the whole budget has made this choice, selection ends. As every unit is taken
 * while the covered count is still below the budget, the result never exceeds the budget by a whole unit.
 *
 * <p>The phases by strategy:
 * <ul>
 * <li>mixed: entities up to {@code entity-share} of the budget; phrases up to {@code entity-share + phrase-share}; loose
 * words (outside entities and phrases) up to the whole budget; and last any entity, phrase or loose word left, which
 * fills the budget when a window runs short of one kind;</li>
 * <li>entity, phrase: entities or phrases up to the whole budget; a window with none of them masks words instead;</li>
 * <li>word: words up to the whole budget.</li>
 * </ul>
 * Units never overlap: a phrase holding an entity already taken is passed over, and the other way round. A window that has
 * any unit gets at least one, even when the rounding takes none.
 */
final class UnitSelector
{
    private final MaskingStrategy strategy;
    private final double maskingRate;
    private final double entityShare;
    private final double phraseShare;

    UnitSelector(KnowledgeMaskingSettings settings)
    {
        requireNonNull(settings, "settings is null");
        this.strategy = settings.strategy();
        this.maskingRate = settings.maskingRate();
        this.entityShare = settings.entityShare();
        this.phraseShare = settings.phraseShare();
    }

    /**
     * The units chosen, in window order.
     *
     * @param fellBackToWords true when the strategy's kind of unit was missing from the window and words were masked instead
     */
    record Selection(List<MaskingUnit> units, boolean fellBackToWords)
    {
        Selection
        {
            units = List.copyOf(units);
        }

        int pieceCount()
        {
            return units.stream().mapToInt(MaskingUnit::pieceCount).sum();
        }
    }

    private record Phase(List<MaskingUnit> units, double target)
    {
    }

    Selection select(MaskingUnits units, int windowPieces, RandomGenerator random)
    {
        double budget = maskingRate * windowPieces;
        List<MaskingUnit> wanted = switch (strategy) {
            case ENTITY -> units.entities();
            case PHRASE -> units.phrases();
            default -> units.allWords();
        };
        boolean fellBack = strategy != MaskingStrategy.MIXED && wanted.isEmpty() && !units.isEmpty();
        List<Phase> phases = strategy == MaskingStrategy.MIXED
                ? mixedPhases(units, budget, random)
                : List.of(new Phase(shuffled(fellBack ? units.allWords() : wanted, random), budget));

        List<MaskingUnit> chosen = fill(phases, budget, random);
        if (chosen.isEmpty()) {
            phases.stream().filter(phase -> !phase.units().isEmpty()).findFirst().ifPresent(phase -> chosen.add(phase.units().get(0)));
        }
        chosen.sort(Comparator.comparingInt(MaskingUnit::firstToken));
        return new Selection(chosen, fellBack);
    }

    private List<Phase> mixedPhases(MaskingUnits units, double budget, RandomGenerator random)
    {
        List<MaskingUnit> entities = shuffled(units.entities(), random);
        List<MaskingUnit> phrases = shuffled(units.phrases(), random);
        List<MaskingUnit> words = shuffled(units.looseWords(), random);
        List<MaskingUnit> rest = new ArrayList<>(entities);
        rest.addAll(phrases);
        rest.addAll(words);
        return List.of(
                new Phase(entities, entityShare * budget),
                new Phase(phrases, (entityShare + phraseShare) * budget),
                new Phase(words, budget),
                new Phase(shuffled(rest, random), budget));
    }

    private static List<MaskingUnit> fill(List<Phase> phases, double budget, RandomGenerator random)
    {
        List<MaskingUnit> chosen = new ArrayList<>();
        BitSet taken = new BitSet();
        int covered = 0;
        for (Phase phase : phases) {
            boolean aimsAtBudget = phase.target() >= budget;
            for (MaskingUnit unit : phase.units()) {
                if (covered >= phase.target()) {
                    break;
                }
                if (!taken.get(unit.firstToken(), unit.endToken()).isEmpty()) {
                    continue;
                }
                int after = covered + unit.pieceCount();
                boolean overshoots = after > phase.target();
                // Taking an overshooting unit with probability (target - covered) / size makes the expected count hit the
                // target exactly; an earlier phase may not overshoot the budget, which is the later phases' to spend.
                boolean take = !overshoots
                        || ((aimsAtBudget || after <= budget) && random.nextDouble() * unit.pieceCount() < phase.target() - covered);
                if (take) {
                    chosen.add(unit);
                    taken.set(unit.firstToken(), unit.endToken());
                    covered = after;
                }
                if (overshoots) {
                    if (aimsAtBudget) {
                        // Trying smaller units after the rounding choice would bias the count upwards.
                        return chosen;
                    }
                    break;
                }
            }
        }
        return chosen;
    }

    private static List<MaskingUnit> shuffled(List<MaskingUnit> units, RandomGenerator random)
    {
        List<MaskingUnit> copy = new ArrayList<>(units);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            MaskingUnit swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }
}
