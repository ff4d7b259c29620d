package org.ernie4j.tasks.structure;

import java.util.List;

import org.ernie4j.spi.document.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSotuCorpus
{
    @Test
    void splitsSentencesButNotAtAbbreviationsOrInitials()
    {
        assertThat(PlainText.sentences("I met Mr. Smith and Franklin D. Roosevelt. Then we left! \"Why?\" Nobody asked. 1934 was hard."))
                .containsExactly("I met Mr. Smith and Franklin D. Roosevelt.", "Then we left!", "\"Why?\"", "Nobody asked.", "1934 was hard.");
    }

    @Test
    void splitsWordsAsBertDoesWithPunctuationOnItsOwn()
    {
        assertThat(PlainText.words("a loan of 3,000,000 florins (in Holland)."))
                .containsExactly("a", "loan", "of", "3", ",", "000", ",", "000", "florins", "(", "in", "Holland", ")", ".");
    }

    @Test
    void readsThreeAddressesOfRealSentences()
    {
        SotuCorpus corpus = SotuCorpus.get();
        List<Document> addresses = corpus.addresses();
        assertThat(addresses).extracting(Document::id).containsExactlyElementsOf(SotuCorpus.ADDRESSES);
        assertThat(addresses).allSatisfy(address -> assertThat(address.sentences()).hasSizeGreaterThan(30));
        assertThat(corpus.sentenceCount()).isEqualTo(addresses.stream().mapToInt(address -> address.sentences().size()).sum());
    }

    @Test
    void cutsAddressesIntoDocumentsOfAtLeastTheGivenSize()
    {
        SotuCorpus corpus = SotuCorpus.get();
        List<Document> documents = corpus.documents(10);
        assertThat(documents).hasSizeGreaterThan(3 * 4);
        assertThat(documents).allSatisfy(document -> assertThat(document.sentences()).hasSizeBetween(10, 19));
        assertThat(documents.stream().mapToInt(document -> document.sentences().size()).sum()).isEqualTo(corpus.sentenceCount());
    }
}
