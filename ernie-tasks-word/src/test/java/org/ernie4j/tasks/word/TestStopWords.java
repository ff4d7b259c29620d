package org.ernie4j.tasks.word;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestStopWords
{
    @Test
    void shipsAnEnglishListOfFunctionWords()
    {
        List<String> words = StopWords.english();
        assertThat(words).hasSizeBetween(200, 300).doesNotHaveDuplicates()
                .contains("the", "of", "and", "a", "is", "which", "shall", "upon", "n't", "'s")
                .doesNotContain("government", "congress", "union", "states", "people", "#", "");
        // Written as types, so that they match the words they stand for.
        assertThat(words).allSatisfy(word -> assertThat(WordType.of(word)).isEqualTo(word));
        assertThat(StopWords.english()).isSameAs(words);
    }
}
