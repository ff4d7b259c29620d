package org.ernie4j.core.text.annotate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.ernie4j.spi.document.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ernie4j.core.testing.TestingModels.english;

public class TestGazetteer
{
    private static final Function<String, String[]> SPACES = phrase -> phrase.split(" ");

    @TempDir
    Path temp;

    @Test
    public void matchesLongestFirstLeftmostFirstAndCaseSensitively()
    {
        Gazetteer gazetteer = Gazetteer.parse(List.of(
                "# organisations of 1932",
                "",
                "Federal Reserve\tORG",
                "Federal Reserve System\tORG",
                "Reserve System\tCONCEPT",
                "Farm Loan Banks\tORG",
                "Treasury\tORG"), "test", SPACES);
        String[] tokens = "the Federal Reserve System and Farm Loan Banks , the treasury and the Treasury".split(" ");

        assertThat(gazetteer.size()).isEqualTo(5);
        assertThat(gazetteer.find(tokens)).containsExactly(new Span(1, 4, "ORG"), new Span(5, 8, "ORG"), new Span(13, 14, "ORG"));
        assertThat(gazetteer.find("Federal Reserve".split(" "))).containsExactly(new Span(0, 2, "ORG"));
        assertThat(gazetteer.find("Federal".split(" "))).isEmpty();
    }

    @Test
    public void splitsPhrasesWithTheTextsTokenizer()
            throws IOException
    {
        Path file = temp.resolve("gazetteer.tsv");
        Files.write(file, List.of("Washington's Farewell Address\tDOCUMENT"), StandardCharsets.UTF_8);

        Gazetteer gazetteer = Gazetteer.load(file, english().newTokenizer()::tokenize);

        assertThat(gazetteer.find(new String[] {"read", "Washington", "'s", "Farewell", "Address"}))
                .containsExactly(new Span(1, 5, "DOCUMENT"));
    }

    @Test
    public void malformedLinesAreErrorsNamingFileAndLine()
            throws IOException
    {
        assertError(List.of("# comment", "Federal Reserve ORG"), "line 2: expected 'phrase<TAB>type' but found 0 tabs");
        assertError(List.of("Federal Reserve\tORG\textra"), "line 1: expected 'phrase<TAB>type' but found 2 tabs");
        assertError(List.of("Federal Reserve\t "), "line 1: empty phrase or type");
        assertError(List.of("\tORG"), "line 1: empty phrase or type");
        assertError(List.of("Federal Reserve\tBIG ORG"), "line 1: type 'BIG ORG' has white space");
        assertError(List.of("Treasury\tORG", "Treasury\tORG", "Treasury\tPLACE"), "line 3: phrase 'Treasury' has type PLACE but line 1 gives it type ORG");
    }

    private void assertError(List<String> lines, String message)
            throws IOException
    {
        Path file = Files.createTempFile(temp, "gazetteer", ".tsv");
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Gazetteer.load(file, SPACES))
                .isInstanceOf(GazetteerException.class)
                .hasMessageStartingWith("Gazetteer " + file + ", " + message);
    }
}
