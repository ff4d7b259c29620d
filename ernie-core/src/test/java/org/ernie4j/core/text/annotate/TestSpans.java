package org.ernie4j.core.text.annotate;

import java.util.List;

import org.ernie4j.spi.document.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class TestSpans
{
    @Test
    public void chunksFromBioTags()
    {
        // "Our country is at peace ." as the chunker tags it.
        assertThat(Spans.fromBio(new String[] {"B-NP", "I-NP", "B-VP", "B-PP", "B-NP", "O"}))
                .containsExactly(new Span(0, 2, "NP"), new Span(2, 3, "VP"), new Span(3, 4, "PP"), new Span(4, 5, "NP"));
        assertThat(Spans.fromBio(new String[] {"B-NP", "B-NP", "I-NP"})).containsExactly(new Span(0, 1, "NP"), new Span(1, 3, "NP"));
        assertThat(Spans.fromBio(new String[] {"I-VP", "I-VP", "I-NP", "O", "I-PP"}))
                .containsExactly(new Span(0, 2, "VP"), new Span(2, 3, "NP"), new Span(4, 5, "PP"));
        assertThat(Spans.fromBio(new String[] {"O", "O"})).isEmpty();
        assertThat(Spans.fromBio(new String[0])).isEmpty();
    }

    @Test
    public void entitiesAreMaximalProperNounRunsOutsideGazetteerMatches()
    {
        String[] tokens = "President George Washington met the United States Senate and Farm Loan Banks".split(" ");
        String[] tags = {"NNP", "NNP", "NNP", "VBD", "DT", "NNP", "NNPS", "NNP", "CC", "NNP", "NNP", "NNPS"};
        Gazetteer gazetteer = Gazetteer.parse(List.of("George Washington\tPERSON", "and\tWORD"), "test", phrase -> phrase.split(" "));

        assertThat(Spans.entities(tokens, tags, Gazetteer.empty()))
                .containsExactly(new Span(0, 3, "PROPER"), new Span(5, 8, "PROPER"), new Span(9, 12, "PROPER"));
        assertThat(Spans.entities(tokens, tags, gazetteer)).containsExactly(
                new Span(0, 1, "PROPER"), new Span(1, 3, "PERSON"), new Span(5, 8, "PROPER"), new Span(8, 9, "WORD"), new Span(9, 12, "PROPER"));
    }
}
