package org.ernie4j.tasks.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.testkit.EdgeCaseDocuments;
import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingDocumentBuilder;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDiscourseMarkers
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();
    private static final DiscourseMarkers ENGLISH = DiscourseMarkers.english();

    @Test
    void theShippedTableHasElevenClassesInADocumentedOrder()
    {
        assertThat(ENGLISH.classes()).containsExactly("contrast", "concession", "result", "reason", "example", "elaboration", "addition",
                "similarity", "alternative", "temporal", "summary");
        assertThat(ENGLISH.size()).isEqualTo(170);
        assertThat(ENGLISH.markersByClass().values()).allSatisfy(markers -> assertThat(markers).isNotEmpty());
        assertThat(ENGLISH.markersByClass().get("contrast")).startsWith("but", "however,");
        assertThat(ENGLISH.markersByClass().get("example")).contains("for example", "for instance");
        assertThat(ENGLISH.markersByClass().values().stream().flatMap(List::stream)).doesNotContain("and", "so", "however", "now");
        assertThat(DiscourseMarkers.english()).isSameAs(ENGLISH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "However , the budget is balanced .|however|contrast|2",
            "HOWEVER , the budget is balanced .|however|contrast|2",
            "But the budget is balanced .|but|contrast|1",
            "But , as I said , the budget is balanced .|but|contrast|2",
            "For example , the budget is balanced .|for example|example|3",
            "For instance the budget is balanced .|for instance|example|2",
            "As a result , the budget is balanced .|as a result|result|4",
            "In fact the budget is balanced .|in fact|elaboration|2",
            "On the other hand , the budget is balanced .|on the other hand|contrast|5",
            "Meanwhile the budget is balanced .|meanwhile|temporal|1",
            "That ' s why the budget is balanced .|that's why|result|4",
            "That's why the budget is balanced .|that's why|result|2",
            "That’s why the budget is balanced .|that's why|result|2",
            "So , the budget is balanced .|so|result|2",
            "Still , the budget is balanced .|still|concession|2",
    })
    void findsTheMarkerAtTheStartOfASentenceAndWhatItTakes(String words, String marker, String relation, int end)
    {
        Optional<MarkerMatch> match = ENGLISH.match(sentence(words));
        assertThat(match).hasValueSatisfying(found -> {
            assertThat(found.marker()).isEqualTo(marker);
            assertThat(ENGLISH.classes().get(found.relation())).isEqualTo(relation);
            assertThat(found.start()).isZero();
            assertThat(found.end()).isEqualTo(end);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "However wise the theory may be , it fails .",
            "So far the budget is balanced .",
            "Still further claims were made .",
            "And the budget is balanced .",
            "The budget , however , is balanced .",
            "Butter is cheap .",
            "Thereafter2 nothing .",
            "Now , the budget is balanced .",
    })
    void findsNoMarkerWhereNoneOpensTheSentence(String words)
    {
        assertThat(ENGLISH.match(sentence(words))).isEmpty();
    }

    @Test
    void prefersTheLongestMarker()
    {
        DiscourseMarkers markers = DiscourseMarkers.ofEntries(List.of("in=temporal", "in fact=elaboration", "in fact then=contrast"));
        assertThat(markers.match(sentence("In fact , yes ."))).hasValueSatisfying(match -> assertThat(match.marker()).isEqualTo("in fact"));
        assertThat(markers.match(sentence("In fact then yes ."))).hasValueSatisfying(match -> assertThat(match.marker()).isEqualTo("in fact then"));
        assertThat(markers.match(sentence("In truth , yes ."))).hasValueSatisfying(match -> assertThat(match.marker()).isEqualTo("in"));
    }

    @Test
    void aCommaOnlyMarkerGivesWayToAShorterMarkerWithoutTheComma()
    {
        DiscourseMarkers markers = DiscourseMarkers.ofEntries(List.of("then=temporal", "then again,=contrast"));
        assertThat(markers.match(sentence("Then again we won ."))).hasValueSatisfying(match -> {
            assertThat(match.marker()).isEqualTo("then");
            assertThat(match.end()).isEqualTo(1);
        });
        assertThat(markers.match(sentence("Then again , we won ."))).hasValueSatisfying(match -> {
            assertThat(match.marker()).isEqualTo("then again");
            assertThat(match.end()).isEqualTo(3);
        });
    }

    @Test
    void survivesSentencesWithoutWords()
    {
        for (Document document : EdgeCaseDocuments.all(VOCABULARY, 16)) {
            for (Sentence sentence : document.sentences()) {
                assertThat(ENGLISH.match(sentence)).as(document.id()).isEmpty();
            }
        }
    }

    @Test
    void findsAMarkerAtAnyTokenAndSaysWhereItEnds()
    {
        Sentence sentence = sentence("The taxes rose ; for example , the tax on tea .");
        assertThat(ENGLISH.matchAt(sentence, 4)).hasValue(new MarkerMatch("for example", 4, 4, 7));
        assertThat(ENGLISH.matchAt(sentence, 3)).isEmpty();
        assertThat(ENGLISH.contains("for example")).isTrue();
        assertThat(ENGLISH.contains("however,")).isTrue();
        assertThat(ENGLISH.contains("however")).isTrue();
        assertThat(ENGLISH.contains("and")).isFalse();
    }

    @Test
    void readsATableFile(@TempDir Path directory)
            throws Exception
    {
        Path file = directory.resolve("markers.tsv");
        Files.writeString(file, "# my markers\n\nbut\tcontrast\nbecause\tcause\n  For   Example, \texample\n");
        DiscourseMarkers markers = DiscourseMarkers.load(file);
        assertThat(markers.classes()).containsExactly("contrast", "cause", "example");
        assertThat(markers.markersByClass().get("example")).containsExactly("For Example,");
        assertThat(markers.match(sentence("For example the debt ."))).isEmpty();
        assertThat(markers.match(sentence("for EXAMPLE , the debt ."))).hasValueSatisfying(match -> assertThat(match.relation()).isEqualTo(2));
    }

    @Test
    void refusesABrokenTableNamingTheLine()
    {
        assertThatThrownBy(() -> DiscourseMarkers.parse(List.of("but\tcontrast", "because cause"), "m.tsv"))
                .hasMessage("m.tsv line 2: expected marker<TAB>class, found 1 tab-separated column: 'because cause'");
        assertThatThrownBy(() -> DiscourseMarkers.parse(List.of("but\tcontrast", "# c", "BUT\tother"), "m.tsv"))
                .hasMessage("m.tsv line 3: marker 'BUT' repeats the marker of line 1");
        assertThatThrownBy(() -> DiscourseMarkers.parse(List.of("but\tcontrast", ",\tother"), "m.tsv"))
                .hasMessage("m.tsv line 2: the marker is empty");
        assertThatThrownBy(() -> DiscourseMarkers.parse(List.of("but\t", "yet\tx"), "m.tsv"))
                .hasMessage("m.tsv line 1: marker 'but' has no class");
        assertThatThrownBy(() -> DiscourseMarkers.parse(List.of("but\tcon trast", "yet\tx"), "m.tsv"))
                .hasMessageContaining("m.tsv line 1: class 'con trast' holds white space");
        assertThatThrownBy(() -> DiscourseMarkers.parse(List.of("but\tcontrast", "yet\tcontrast"), "m.tsv"))
                .hasMessage("m.tsv has 1 relation class (contrast), but discourse relation needs at least 2");
        assertThatThrownBy(() -> DiscourseMarkers.ofEntries(List.of("but=contrast", "yet")))
                .hasMessage("item 1 ('yet') is not marker=class");
        assertThatThrownBy(() -> DiscourseMarkers.ofEntries(List.of()))
                .hasMessage("the list has 0 relation classes, but discourse relation needs at least 2");
    }

    private static Sentence sentence(String words)
    {
        return TestingDocumentBuilder.document("s", VOCABULARY).sentence(words).build().sentences().get(0);
    }
}
