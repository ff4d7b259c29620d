package org.ernie4j.tasks.word;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestWordType
{
    @Test
    void ignoresCase()
    {
        assertThat(WordType.of("Union")).isEqualTo(WordType.of("UNION")).isEqualTo(WordType.of("union")).isEqualTo("union");
        assertThat(WordType.of("Αθήνα")).isEqualTo(WordType.of("ΑΘΉΝΑ")).isEqualTo("αθήνα");
    }

    @Test
    void foldsCompatibilityForms()
    {
        assertThat(WordType.of("\uFB01scal")).isEqualTo("fiscal");
        assertThat(WordType.of("\uFF35\uFF4E\uFF49\uFF4F\uFF4E")).isEqualTo("union");
        // A decomposed accent is composed, as in text from another source.
        assertThat(WordType.of("re\u0301sume\u0301")).isEqualTo(WordType.of("r\u00E9sum\u00E9"));
    }

    @Test
    void makesApostrophesPlain()
    {
        assertThat(WordType.of("Nation\u2019s")).isEqualTo(WordType.of("nation's")).isEqualTo("nation's");
        assertThat(WordType.of("n\u2019t")).isEqualTo("n't");
    }

    @Test
    void keepsAccentsAndDigits()
    {
        assertThat(WordType.of("résumé")).isNotEqualTo(WordType.of("resume"));
        assertThat(WordType.of("1790")).isEqualTo("1790");
    }
}
