package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;

import static java.util.Objects.requireNonNull;

/**
 * Finds the discourse markers that join two clauses inside a sentence, and the clauses they join. The rules, and why
 * each is there, are on {@link DiscourseRelationTask} ("Markers inside a sentence"). Immutable.
 */
final class ClauseSplits
{
    /** The fewest words each clause must keep: shorter sides are mostly fragments, not clauses. */
    static final int MIN_CLAUSE_WORDS = 3;

    // After "but" or "yet" these make the rest a phrase of the clause before, not a clause of its own: "not only ...,
    // but also", "..., but which", "..., but not ...", "..., but only if".
    private static final Set<String> PHRASE_OPENERS = Set.of("also", "which", "who", "whom", "whose", "not", "only");

    private final DiscourseMarkers markers;
    private final List<String> written;
    private final Set<String> afterComma;

    /**
     * @param afterComma the markers, written as the table writes them, that may also join clauses after a comma
     * @throws IllegalArgumentException naming a marker that the table does not have
     */
    ClauseSplits(DiscourseMarkers markers, List<String> afterComma)
    {
        this.markers = requireNonNull(markers, "markers is null");
        requireNonNull(afterComma, "afterComma is null");
        for (String marker : afterComma) {
            if (!markers.contains(marker)) {
                throw new IllegalArgumentException("'" + marker + "' is not a marker of the table");
            }
        }
        this.written = List.copyOf(afterComma);
        this.afterComma = Set.copyOf(afterComma.stream().map(DiscourseMarkers::key).toList());
    }

    /**
     * The clause pairs of a sentence, in order. A side reaches from the previous marker found (or the sentence start) to
     * the next one (or the sentence end), so no side holds another marker, even one whose pair was left out.
     */
    List<DiscoursePair> pairs(Sentence sentence)
    {
        List<MarkerMatch> found = candidates(sentence);
        List<DiscoursePair> pairs = new ArrayList<>();
        int size = sentence.tokens().size();
        for (int i = 0; i < found.size(); i++) {
            MarkerMatch match = found.get(i);
            int firstStart = i == 0 ? 0 : found.get(i - 1).end();
            // The comma or semicolon before the marker belongs to neither side.
            int firstEnd = match.start() - 1;
            int secondEnd = i + 1 < found.size() ? found.get(i + 1).start() - 1 : size;
            if (DiscoursePair.words(sentence, firstStart, firstEnd) >= MIN_CLAUSE_WORDS
                    && DiscoursePair.words(sentence, match.end(), secondEnd) >= MIN_CLAUSE_WORDS) {
                pairs.add(new DiscoursePair(sentence, firstStart, firstEnd, sentence, match.end(), secondEnd, match.relation(), true));
            }
        }
        return pairs;
    }

    /** Every marker right after a semicolon, or a comma for the markers allowed there, not opening a phrase. */
    private List<MarkerMatch> candidates(Sentence sentence)
    {
        List<Token> tokens = sentence.tokens();
        List<MarkerMatch> found = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            String before = tokens.get(i - 1).surface();
            boolean semicolon = before.equals(";");
            if (!semicolon && !before.equals(",")) {
                continue;
            }
            Optional<MarkerMatch> match = markers.matchAt(sentence, i);
            if (match.isEmpty() || (!semicolon && !afterComma.contains(DiscourseMarkers.key(match.get().marker())))) {
                continue;
            }
            int next = match.get().end();
            if (next < tokens.size() && PHRASE_OPENERS.contains(DiscourseMarkers.normalize(tokens.get(next).surface()))) {
                continue;
            }
            found.add(match.get());
            i = next - 1;
        }
        return found;
    }

    /** The markers that split a sentence after a comma too, as the settings wrote them. */
    List<String> afterComma()
    {
        return written;
    }

    @Override
    public String toString()
    {
        return "markers after a semicolon, and " + written + " after a comma, between clauses of at least " + MIN_CLAUSE_WORDS + " words";
    }
}
