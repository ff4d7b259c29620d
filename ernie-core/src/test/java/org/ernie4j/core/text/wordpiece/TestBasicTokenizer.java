package org.ernie4j.core.text.wordpiece;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ernie4j.core.testing.TestingResources.WASHINGTON_1790;
import static org.ernie4j.core.testing.TestingResources.sotuText;

public class TestBasicTokenizer
{
    private final BasicTokenizer tokenizer = new BasicTokenizer();

    @Test
    public void splitsRealTextOnWhiteSpaceAndPunctuationInLowerCase()
    {
        String opening = sotuText(WASHINGTON_1790).substring(0, 120);
        assertThat(opening).startsWith("Fellow-Citizens of the Senate and House of Representatives: In meeting you again I feel");

        assertThat(tokenizer.split(opening)).startsWith(
                "fellow", "-", "citizens", "of", "the", "senate", "and", "house", "of", "representatives", ":", "in", "meeting");
    }

    @Test
    public void splitsAbbreviationsAndContractionsAsBertDoes()
    {
        assertThat(tokenizer.split("The U.S. economy didn't grow $3.5 billion.")).containsExactly(
                "the", "u", ".", "s", ".", "economy", "didn", "'", "t", "grow", "$", "3", ".", "5", "billion", ".");
    }

    @Test
    public void stripsAccentsAndDropsControlCharacters()
    {
        assertThat(tokenizer.split("Élysée\u0000 café\u00ADs  NAÏVE\tcoöperation\uFFFD")).containsExactly(
                "elysee", "cafes", "naive", "cooperation");
        assertThat(BasicTokenizer.normalize("Ångström")).isEqualTo("angstrom");
    }

    @Test
    public void putsCjkIdeographsApartAndKeepsOtherScripts()
    {
        assertThat(tokenizer.split("ERNIE是百度 Москва «quoted» 𝔘nicode"))
                .containsExactly("ernie", "是", "百", "度", "москва", "«", "quoted", "»", "𝔘nicode");
    }

    @Test
    public void unicodeWhiteSpaceSeparatesWords()
    {
        assertThat(tokenizer.split("state\u00A0of\u2003the\u3000Union\r\n")).containsExactly("state", "of", "the", "union");
    }

    @Test
    public void lowerCasesCharacterByCharacter()
    {
        // String.toLowerCase would give a final sigma (ς) at the end of the word; BERT's tokenizers give σ everywhere.
        assertThat(tokenizer.split("ΟΔΟΣ ΣΑΣ")).containsExactly("οδοσ", "σασ");
    }

    @Test
    public void doesOnlyWhatItsSettingsSay()
    {
        TokenizerSettings cased = new TokenizerSettings(true, true, false, false, 100, java.util.OptionalInt.empty());
        assertThat(new BasicTokenizer(cased).split("Élysée CAFÉ是百")).containsExactly("Élysée", "CAFÉ", "是", "百");
        TokenizerSettings accents = new TokenizerSettings(true, false, false, true, 100, java.util.OptionalInt.empty());
        assertThat(new BasicTokenizer(accents).split("Élysée CAFÉ是百")).containsExactly("élysée", "café是百");
        TokenizerSettings raw = new TokenizerSettings(false, true, true, true, 100, java.util.OptionalInt.empty());
        assertThat(new BasicTokenizer(raw).split("a\u0007b")).containsExactly("a\u0007b");
        assertThat(tokenizer.split("a\u0007b")).containsExactly("ab");
    }
}
