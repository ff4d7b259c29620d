package org.ernie4j.tasks.semantic;

import java.util.List;

import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Token;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Markers inside a sentence, on sentences of State of the Union addresses as they were spoken or written.
 */
class TestClauseSplits
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final DiscourseMarkers ENGLISH = DiscourseMarkers.english();
    private static final ClauseSplits SPLITS = new ClauseSplits(ENGLISH, DiscourseRelationSettings.DEFAULT_COMMA_MARKERS);

    @Test
    void splitsASentenceAtAMarkerAfterASemicolon()
    {
        // Eisenhower, 1955.
        List<DiscoursePair> pairs = SPLITS.pairs(sentence("The many promising factors I have mentioned do not guarantee sustained economic expansion;"
                + " however, they do give us a strong position from which to carry forward our economic growth."));
        assertThat(pairs).singleElement().satisfies(pair -> {
            assertThat(relation(pair)).isEqualTo("contrast");
            assertThat(pair.inside()).isTrue();
            assertThat(text(pair.first(), pair.firstStart(), pair.firstEnd()))
                    .isEqualTo("The many promising factors I have mentioned do not guarantee sustained economic expansion");
            assertThat(text(pair.second(), pair.secondStart(), pair.secondEnd()))
                    .isEqualTo("they do give us a strong position from which to carry forward our economic growth .");
        });
        // Theodore Roosevelt, 1903.
        assertThat(SPLITS.pairs(sentence("The course of events has shown that this canal can not be built by private enterprise, or by any other"
                + " nation than our own; therefore it must be built by the United States."))).singleElement()
                .satisfies(pair -> assertThat(relation(pair)).isEqualTo("result"));
    }

    @Test
    void splitsASentenceAtButOrYetAfterAComma()
    {
        // John Adams, 1800.
        List<DiscoursePair> pairs = SPLITS.pairs(sentence("To give security to our principal ports considerable sums have already been expended,"
                + " but the works remain incomplete."));
        assertThat(pairs).singleElement().satisfies(pair -> {
            assertThat(relation(pair)).isEqualTo("contrast");
            assertThat(text(pair.first(), pair.firstStart(), pair.firstEnd()))
                    .isEqualTo("To give security to our principal ports considerable sums have already been expended");
            assertThat(text(pair.second(), pair.secondStart(), pair.secondEnd())).isEqualTo("the works remain incomplete .");
        });
    }

    @Test
    void twoMarkersMakeTwoPairsWhoseSidesStopAtTheOtherMarker()
    {
        // Wilson, 1914.
        List<DiscoursePair> pairs = SPLITS.pairs(sentence("We look back upon that with regret now, because the subsidies led to many scandals of which we are"
                + " ashamed; but we know that the railroads had to be built, and if we had it to do over again we should of course build them,"
                + " but in another way."));
        assertThat(pairs).hasSize(2);
        assertThat(text(pairs.get(0).first(), pairs.get(0).firstStart(), pairs.get(0).firstEnd()))
                .isEqualTo("We look back upon that with regret now , because the subsidies led to many scandals of which we are ashamed");
        assertThat(text(pairs.get(0).second(), pairs.get(0).secondStart(), pairs.get(0).secondEnd()))
                .isEqualTo("we know that the railroads had to be built , and if we had it to do over again we should of course build them");
        assertThat(text(pairs.get(1).first(), pairs.get(1).firstStart(), pairs.get(1).firstEnd())).isEqualTo(
                text(pairs.get(0).second(), pairs.get(0).secondStart(), pairs.get(0).secondEnd()));
        assertThat(text(pairs.get(1).second(), pairs.get(1).secondStart(), pairs.get(1).secondEnd())).isEqualTo("in another way .");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // A parenthesis inside one clause, not a marker between two (Washington, 1791).
            "Enough, however, is known already to afford an assurance that the views of that act have been substantially fulfilled.",
            "These are, however, some of them of which I can not forbear a more particular mention.",
            // A condition, not a time (Lincoln, 1862).
            "If, then, we are at some time to be as populous as Europe, how soon?",
            // A participle, not a clause (Grant, 1870).
            "It will give to us those articles which we consume so largely and do not produce, thus equalizing our exports and imports.",
            // "not only ..., but also": one clause with two complements (Coolidge, 1925).
            "It reduces to serfdom not only those against whom it is directed, but also those who seek to apply it.",
            // A relative clause that goes on the one before (Jackson, 1830).
            "Circumstances which are not explained, but which I am persuaded are not the result of an indisposition on her part to enter into"
                    + " it, have produced the delay.",
            // One word before the marker is no clause (Reagan, 1985).
            "Perhaps, but it could save millions of lives, indeed humanity itself.",
            // A preposition after a comma (Obama, 2010).
            "We can do what's necessary to keep our poll numbers high and get through the next election, instead of doing what's best for the"
                    + " next generation.",
    })
    void leavesOutWhatIsNotAMarkerBetweenTwoClauses(String text)
    {
        assertThat(SPLITS.pairs(sentence(text))).isEmpty();
    }

    @Test
    void theMarkersAllowedAfterACommaAreASetting()
    {
        // John Adams, 1797.
        Sentence sentence = sentence("Their sittings have been interrupted, but are now resumed.");
        assertThat(SPLITS.pairs(sentence)).hasSize(1);
        assertThat(new ClauseSplits(ENGLISH, List.of()).pairs(sentence)).isEmpty();
        assertThat(new ClauseSplits(ENGLISH, List.of("yet")).pairs(sentence)).isEmpty();
        assertThatThrownBy(() -> new ClauseSplits(ENGLISH, List.of("but", "and")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'and' is not a marker of the table");
    }

    @Test
    void theCommaAfterAMarkerInsideASentenceIsLeftOutWithIt()
    {
        // Clinton, 2000.
        assertThat(SPLITS.pairs(sentence("When the baby boomers retire, Medicare will be faced with caring for twice as many of our citizens; yet,"
                + " it is far from ready to do so."))).singleElement().satisfies(pair -> {
                    assertThat(relation(pair)).isEqualTo("concession");
                    assertThat(text(pair.second(), pair.secondStart(), pair.secondEnd())).isEqualTo("it is far from ready to do so .");
                });
    }

    private static String relation(DiscoursePair pair)
    {
        return ENGLISH.classes().get(pair.relation());
    }

    private static String text(Sentence sentence, int start, int end)
    {
        return String.join(" ", sentence.tokens().subList(start, end).stream().map(Token::surface).toList());
    }

    private static Sentence sentence(String text)
    {
        return TestingDocumentBuilder.document("s", VOCABULARY).sentence(String.join(" ", RawText.words(text))).build().sentences().get(0);
    }
}
