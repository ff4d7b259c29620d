package org.ernie4j.tasks.semantic;

import java.util.List;
import java.util.Optional;

import org.ernie4j.spi.document.Document;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDiscoursePairs
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final DiscourseMarkers ENGLISH = DiscourseMarkers.english();
    private static final DiscoursePairs OPENING_ONLY = new DiscoursePairs(ENGLISH, Optional.empty());
    private static final DiscoursePairs WITH_CLAUSES = new DiscoursePairs(ENGLISH,
            Optional.of(new ClauseSplits(ENGLISH, DiscourseRelationSettings.DEFAULT_COMMA_MARKERS)));

    private static final Document DOCUMENT = TestingDocumentBuilder.document("d", VOCABULARY)
            .sentence("However , this opens the document and has no pair .")
            .sentence("The taxes rose .")
            .sentence("But the debt fell .")
            .sentence("")
            .sentence("But the army grew , but the navy shrank to nothing .")
            .sentence("For example , the navy .")
            .sentence("However , .")
            .sentence("The taxes on tea rose ; therefore the debt of the nation fell .")
            .build();

    @Test
    void countsThePairsOfEachClassByWhereTheMarkerIs()
    {
        RelationCounts opening = OPENING_ONLY.counts(List.of(DOCUMENT, EdgeCaseDocuments.empty()));
        assertThat(opening.count("contrast")).isEqualTo(2);
        assertThat(opening.count("example")).isEqualTo(1);
        // "However , ." leaves no word after its marker: no example, so not counted.
        assertThat(opening.total()).isEqualTo(3);
        assertThat(opening.insideTotal()).isZero();
        // Seven sentences with tokens make six adjacent pairs.
        assertThat(opening.pairs()).isEqualTo(6);
        assertThat(opening.share("contrast")).isEqualTo(2.0 / 3);
        assertThat(opening.counts()).containsKeys(ENGLISH.classes().toArray(String[]::new));
        assertThat(opening.toString()).startsWith("3 marked pairs (0 inside sentences) in 6 sentence pairs: contrast 2 (66.7%), concession 0 (0.0%)");
        assertThatThrownBy(() -> opening.count("sarcasm")).hasMessageContaining("no relation class 'sarcasm'");

        RelationCounts all = WITH_CLAUSES.counts(List.of(DOCUMENT, EdgeCaseDocuments.empty()));
        assertThat(all.count("contrast")).isEqualTo(3);
        assertThat(all.opening("contrast")).isEqualTo(2);
        assertThat(all.inside("contrast")).isEqualTo(1);
        assertThat(all.inside("result")).isEqualTo(1);
        assertThat(all.opening("result")).isZero();
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.insideTotal()).isEqualTo(2);
        assertThat(all.pairs()).isEqualTo(6);
    }

    @Test
    void aSentenceThatOpensWithAMarkerAndHasOneInsideGivesBothPairsInTextOrder()
    {
        List<DiscoursePair> pairs = WITH_CLAUSES.pairs(DiscoursePairs.withTokens(DOCUMENT));
        assertThat(pairs).extracting(DiscoursePair::inside).containsExactly(false, false, true, false, false, true);
        DiscoursePair opening = pairs.get(1);
        assertThat(opening.first().tokens()).hasSize(5);
        // The whole rest of the sentence, the marker inside it included.
        assertThat(opening.secondStart()).isEqualTo(1);
        assertThat(opening.secondEnd()).isEqualTo(opening.second().tokens().size());
        DiscoursePair inside = pairs.get(2);
        assertThat(inside.first()).isSameAs(opening.second());
        assertThat(inside.firstStart()).isZero();
        assertThat(inside.firstEnd()).isEqualTo(4);
        assertThat(inside.secondStart()).isEqualTo(6);
        assertThat(pairs.get(4).secondHasWords()).isFalse();
        assertThat(OPENING_ONLY.pairs(DiscoursePairs.withTokens(DOCUMENT))).extracting(DiscoursePair::inside).containsOnly(false).hasSize(4);
    }

    @Test
    void findsNothingInDocumentsWithoutWords()
    {
        for (Document document : EdgeCaseDocuments.all(VOCABULARY, 16)) {
            assertThat(WITH_CLAUSES.pairs(DiscoursePairs.withTokens(document))).as(document.id()).allSatisfy(pair -> assertThat(pair.secondHasWords()).isFalse());
        }
    }

    @Test
    void describesItsRules()
    {
        assertThat(WITH_CLAUSES).hasToString("170 markers in 11 classes, in-sentence=true, comma-markers=[but, yet]");
        assertThat(OPENING_ONLY).hasToString("170 markers in 11 classes, in-sentence=false");
    }
}
