package org.ernie4j.tasks.semantic;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.ernie4j.testkit.Fixtures;
import org.ernie4j.testkit.TestingTaskReporter;
import org.ernie4j.testkit.TestingVocabulary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSearchLogReader
{
    private static final TestingVocabulary VOCABULARY = Fixtures.vocabulary();

    @Test
    void readsTheDistinctPairsOfALogAndNamesEveryMalformedLine()
            throws IOException
    {
        TestingTaskReporter reporter = new TestingTaskReporter();
        SearchLog log;
        try (Reader in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream("searchlog/clicks.tsv"), StandardCharsets.UTF_8)) {
            log = new SearchLogReader(VOCABULARY, reporter, "ir-relevance").read(in, "clicks.tsv");
        }
        // 8 queries shown 3 titles each; one title ("Taxes on Imports") is shown for two queries.
        assertThat(log.queryCount()).isEqualTo(8);
        assertThat(log.titleCount()).isEqualTo(23);
        assertThat(log.pairCount()).isEqualTo(24);
        // One clicked title per query, and "Public Works and the Relief of Unemployment" clicked as "1".
        assertThat(log.clickedCount()).isEqualTo(9);
        assertThat(reporter.warnings()).containsExactly(
                "ir-relevance: clicks.tsv line 14: expected 3 tab-separated columns (query, title, clicked), found 2; the line is skipped",
                "ir-relevance: clicks.tsv line 19: the query is empty; the line is skipped",
                "ir-relevance: clicks.tsv line 23: the third column must be clicked, shown, 1 or 0, not 'maybe'; the line is skipped",
                "ir-relevance: clicks.tsv line 27: expected 3 tab-separated columns (query, title, clicked), found 4; the line is skipped",
                "ir-relevance: clicks.tsv line 31: the title is empty; the line is skipped");
        assertThat(reporter.skipCount(SearchLogReader.MALFORMED_LINE)).isEqualTo(5);
    }

    @Test
    void aPairIsClickedWhenAnyOfItsLinesSaysSoWhateverTheCaseAndSpacing()
            throws IOException
    {
        SearchLog log = read("""
                energy crisis\tCarter on Energy\tshown
                Energy   Crisis\tcarter ON energy\tclicked
                energy crisis\tOil Prices\tshown
                ENERGY CRISIS\tOil Prices\t0
                """, new TestingTaskReporter());
        assertThat(log.queryCount()).isEqualTo(1);
        assertThat(log.pairCount()).isEqualTo(2);
        assertThat(log.label(0)).isEqualTo(RelevanceLabel.CLICKED);
        assertThat(log.label(1)).isEqualTo(RelevanceLabel.SHOWN);
        assertThat(log.titlePieces(0)).containsExactly(VOCABULARY.encode("carter on energy"));
        assertThat(log.wasShown(0, 0)).isTrue();
        assertThat(log.wasShown(0, 1)).isTrue();
    }

    @Test
    void aHeaderIsSkippedOnlyAsTheFirstRow()
            throws IOException
    {
        TestingTaskReporter reporter = new TestingTaskReporter();
        SearchLog log = read("# comment\n\nQuery\tTitle\tClicked\ntax\tTaxes\tclicked\nquery\ttitle\tclicked\n", reporter);
        // The second header-like line is a row whose query is "query" and whose title was clicked.
        assertThat(log.pairCount()).isEqualTo(2);
        assertThat(reporter.warnings()).isEmpty();
    }

    @Test
    void namesTheFirstTwentyMalformedLinesAndCountsTheRest()
            throws IOException
    {
        TestingTaskReporter reporter = new TestingTaskReporter();
        String text = IntStream.range(0, 25).mapToObj(i -> "broken line " + i).collect(Collectors.joining("\n", "", "\ntax\tTaxes\tshown\n"));
        SearchLog log = read(text, reporter);
        assertThat(log.pairCount()).isEqualTo(1);
        assertThat(reporter.skipCount(SearchLogReader.MALFORMED_LINE)).isEqualTo(25);
        assertThat(reporter.warnings()).hasSize(21)
                .startsWith("ir-relevance: log.tsv line 1: expected 3 tab-separated columns (query, title, clicked), found 1; the line is skipped")
                .contains("ir-relevance: log.tsv line 20: expected 3 tab-separated columns (query, title, clicked), found 1; the line is skipped")
                .endsWith("ir-relevance: log.tsv: 5 more malformed lines skipped, 25 in all");
    }

    @Test
    void anEmptyLogHasNoPairs()
            throws IOException
    {
        TestingTaskReporter reporter = new TestingTaskReporter();
        assertThat(read("", reporter).pairCount()).isZero();
        assertThat(read("query\ttitle\tclicked\n# nothing\n", reporter).pairCount()).isZero();
        assertThat(reporter.warnings()).isEmpty();
    }

    private static SearchLog read(String text, TestingTaskReporter reporter)
            throws IOException
    {
        return new SearchLogReader(VOCABULARY, reporter, "ir-relevance").read(new StringReader(text), "log.tsv");
    }
}
