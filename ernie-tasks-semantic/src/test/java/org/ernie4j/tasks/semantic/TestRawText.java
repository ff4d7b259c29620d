package org.ernie4j.tasks.semantic;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestRawText
{
    @Test
    void splitsWordsAsBertsBasicTokenizerWould()
    {
        assertThat(RawText.words("That's why, in 1980, we acted.")).containsExactly("That", "'", "s", "why", ",", "in", "1980", ",", "we", "acted", ".");
    }

    @Test
    void endsSentencesAtStopsButNotAfterAbbreviationsAndInitials()
    {
        assertThat(RawText.sentences("Mr. Speaker, Franklin D. Roosevelt spoke. He said \"we won.\" But the U.S. Army waited! 1980 came? yes"))
                .containsExactly(
                        List.of("Mr", ".", "Speaker", ",", "Franklin", "D", ".", "Roosevelt", "spoke", "."),
                        List.of("He", "said", "\"", "we", "won", ".", "\""),
                        List.of("But", "the", "U", ".", "S", ".", "Army", "waited", "!"),
                        List.of("1980", "came", "?", "yes"));
    }

    @Test
    void theFourAddressesAreSplitIntoPlausibleSentences()
    {
        List<Document> documents = Addresses.documents();
        assertThat(documents).extracting(Document::id).containsExactlyElementsOf(Addresses.NAMES);
        for (Document document : documents) {
            assertThat(document.sentences().size()).as(document.id()).isBetween(60, 200);
            // Washington's sentences are long, but none runs on for hundreds of words: the splitter did not miss the stops.
            assertThat(document.sentences()).as(document.id()).allSatisfy(sentence -> assertThat(sentence.tokens().size()).isBetween(2, 200));
        }
    }
}
