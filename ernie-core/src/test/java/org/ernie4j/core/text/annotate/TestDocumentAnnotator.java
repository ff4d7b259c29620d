package org.ernie4j.core.text.annotate;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.document.Document;
import org.ernie4j.spi.document.Sentence;
import org.ernie4j.spi.document.Span;
import org.ernie4j.spi.document.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.core.testing.TestingModels.english;
import static org.ernie4j.core.testing.TestingModels.sotuVocabulary;
import static org.ernie4j.core.testing.TestingResources.HOOVER_1932;
import static org.ernie4j.core.testing.TestingResources.sotuText;

public class TestDocumentAnnotator
{
    private static final String HOOVER = sotuText(HOOVER_1932);

    private static Document hoover;

    private final WordPieceVocabulary vocabulary = sotuVocabulary();

    @BeforeAll
    public static void annotateHoover()
    {
        hoover = new DocumentAnnotator(english(), Gazetteer.empty(), sotuVocabulary(), AnnotationOptions.defaults())
                .annotate(RawDocument.ofText("hoover", "1932", HOOVER));
    }

    @Test
    public void offsetsPointIntoTheDocumentText()
    {
        Document document = hoover;

        assertThat(document.id()).isEqualTo("hoover");
        assertThat(document.title()).contains("1932");
        assertThat(document.sentences()).hasSizeGreaterThan(20);
        assertThat(document.sentences().get(1).text()).isEqualTo("Our country is at peace.");
        for (Sentence sentence : document.sentences()) {
            assertThat(HOOVER.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
            for (Token token : sentence.tokens()) {
                assertThat(HOOVER.substring(token.start(), token.end())).isEqualTo(token.surface());
                assertThat(token.pieceIds()).isEqualTo(vocabulary.encode(token.surface()));
            }
        }
    }

    @Test
    public void tagsInPennTreebankTagsAndChunksPhrases()
    {
        Sentence sentence = sentenceStartingWith(hoover, "The expansion of credit facilities");

        assertThat(tokens(sentence)).startsWith("The", "expansion", "of", "credit", "facilities", "by", "the", "Federal", "Reserve", "System");
        assertThat(tags(sentence)).startsWith("DT", "NN", "IN", "NN", "NNS", "IN", "DT", "NNP", "NNP", "NNP", "CC");
        assertThat(sentence.chunks()).startsWith(new Span(0, 2, "NP"), new Span(2, 3, "PP"), new Span(3, 5, "NP"));
        assertThat(sentence.chunks()).contains(new Span(15, 17, "VP"));
        // Universal Dependencies tags, OpenNLP 2.x's default, must not appear.
        Set<String> allTags = hoover.sentences().stream()
                .flatMap(each -> tags(each).stream())
                .collect(Collectors.toSet());
        assertThat(allTags).contains("NNP", "NNPS", "VBZ", "PRP$").doesNotContain("PROPN", "NOUN", "VERB", "ADP");
    }

    @Test
    public void entitiesAreRunsOfProperNouns()
    {
        Sentence sentence = sentenceStartingWith(hoover, "The sums applied to financial relief");

        assertThat(sentence.entities()).containsExactly(new Span(21, 24, "PROPER"), new Span(25, 28, "PROPER"), new Span(37, 38, "PROPER"));
        assertThat(tokens(sentence).subList(25, 28)).containsExactly("Farm", "Loan", "Banks");
        assertThat(tags(sentence).subList(25, 28)).containsExactly("NNP", "NNP", "NNPS");
    }

    @Test
    public void gazetteerMatchesWinOverProperNounRuns()
    {
        Gazetteer gazetteer = Gazetteer.parse(List.of(
                        "Federal Reserve\tORG",
                        "Reconstruction Finance Corporation\tORG",
                        "Finance\tTOPIC"),
                "test", phrase -> phrase.split(" "));
        DocumentAnnotator annotator = new DocumentAnnotator(english(), gazetteer, vocabulary, AnnotationOptions.defaults());

        Sentence sentence = sentenceStartingWith(annotator.annotate(RawDocument.ofText("hoover", null, HOOVER)), "The expansion of credit facilities");

        // "Federal Reserve" wins over the run Federal Reserve System, whose rest stays a run of its own; the longer
        // phrase wins over "Finance".
        assertThat(sentence.entities()).containsExactly(new Span(7, 9, "ORG"), new Span(9, 10, "PROPER"), new Span(12, 15, "ORG"));
    }

    @Test
    public void givenSentencesAreKept()
    {
        List<String> given = List.of("Our country is at peace.", "Education and science have made further advances. The public health is good.");
        Document document = annotator(AnnotationOptions.defaults()).annotate(RawDocument.ofSentences("peace#1", null, given));

        assertThat(document.sentences()).extracting(Sentence::text).isEqualTo(given);
        assertThat(document.sentences()).extracting(Sentence::start).containsExactly(0, 25);
        assertThat(document.sentences().get(1).tokens().get(0).start()).isEqualTo(25);
    }

    @Test
    public void sentencesDoNotRunAcrossBlankLines()
    {
        String text = "ECONOMIC SITUATION\n\n  \nThe unparalleled world-wide economic depression has continued through the year.\n";
        Document document = annotator(AnnotationOptions.defaults()).annotate(RawDocument.ofText("heading", null, text));

        assertThat(document.sentences()).extracting(Sentence::text)
                .containsExactly("ECONOMIC SITUATION", "The unparalleled world-wide economic depression has continued through the year.");
        assertThat(document.sentences().get(1).start()).isEqualTo(text.indexOf("The"));
    }

    @Test
    public void longSentencesAreSplitPreferablyAfterPunctuation()
    {
        DocumentAnnotator splitting = annotator(new AnnotationOptions(40, LongSentencePolicy.SPLIT));

        Document unsplit = hoover;
        Document split = splitting.annotate(RawDocument.ofText("hoover", null, HOOVER));

        List<Token> allTokens = unsplit.sentences().stream().flatMap(sentence -> sentence.tokens().stream()).toList();
        List<Token> splitTokens = split.sentences().stream().flatMap(sentence -> sentence.tokens().stream()).toList();
        assertThat(splitTokens).extracting(Token::start).isEqualTo(allTokens.stream().map(Token::start).toList());
        assertThat(split.sentences()).allSatisfy(sentence -> {
            assertThat(sentence.tokens()).hasSizeLessThanOrEqualTo(40);
            assertThat(HOOVER.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        });
        long longOnes = unsplit.sentences().stream().filter(sentence -> sentence.tokens().size() > 40).count();
        assertThat(splitting.stats().longSentencesSplit()).isEqualTo(longOnes).isGreaterThan(3);
        assertThat(splitting.stats().tokens()).isEqualTo(allTokens.size());
        // "The loans of the latter ...; its support ..., and loan associations, and to agriculture ...; they have ..." is cut
        // after the last comma of its first 40 tokens, as no semicolon is among tokens 21 to 40.
        Sentence loans = sentenceStartingWith(split, "The loans of the latter");
        assertThat(tokens(loans)).hasSize(39).endsWith("associations", ",");
    }

    @Test
    public void longSentencesCanBeSkipped()
    {
        DocumentAnnotator skipping = annotator(new AnnotationOptions(40, LongSentencePolicy.SKIP));

        Document document = skipping.annotate(RawDocument.ofText("hoover", null, HOOVER));

        assertThat(document.sentences()).allSatisfy(sentence -> assertThat(sentence.tokens()).hasSizeLessThanOrEqualTo(40));
        assertThat(skipping.stats().longSentencesSkipped()).isGreaterThan(3);
        assertThat(skipping.stats().sentences()).isEqualTo(document.sentences().size());
        assertThat(skipping.stats().documents()).isEqualTo(1);
    }

    private DocumentAnnotator annotator(AnnotationOptions options)
    {
        return new DocumentAnnotator(english(), Gazetteer.empty(), vocabulary, options);
    }

    private static Sentence sentenceStartingWith(Document document, String prefix)
    {
        return document.sentences().stream()
                .filter(sentence -> sentence.text().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sentence starts with " + prefix));
    }

    private static List<String> tokens(Sentence sentence)
    {
        return sentence.tokens().stream().map(Token::surface).toList();
    }

    private static List<String> tags(Sentence sentence)
    {
        return sentence.tokens().stream().map(Token::pos).toList();
    }
}
