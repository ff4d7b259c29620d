package org.ernie4j.runner.datasets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestWordCase
{
    @Test
    void classifiesByTheCasedLettersOnly()
    {
        assertThat(WordCase.of("government")).contains(WordCase.LOWER);
        assertThat(WordCase.of("Congress,")).contains(WordCase.CAPITALIZED);
        assertThat(WordCase.of("'Tis")).contains(WordCase.CAPITALIZED);
        assertThat(WordCase.of("NATO")).contains(WordCase.UPPER);
        assertThat(WordCase.of("U.S.")).contains(WordCase.UPPER);
        assertThat(WordCase.of("McKinley")).contains(WordCase.MIXED);
        assertThat(WordCase.of("eBay")).contains(WordCase.MIXED);
    }

    @Test
    void aSingleCapitalIsCapitalizedNotUpper()
    {
        assertThat(WordCase.of("I")).contains(WordCase.CAPITALIZED);
        assertThat(WordCase.of("A")).contains(WordCase.CAPITALIZED);
    }

    @Test
    void aWordWithoutCasedLettersHasNoClass()
    {
        assertThat(WordCase.of("1946")).isEmpty();
        assertThat(WordCase.of("--")).isEmpty();
        assertThat(WordCase.of("$4,000,000")).isEmpty();
    }
}
