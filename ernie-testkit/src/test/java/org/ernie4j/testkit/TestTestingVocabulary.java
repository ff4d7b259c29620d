package org.ernie4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTestingVocabulary
{
    private static final TestingVocabulary VOCABULARY = TestingVocabulary.of(List.of(
            "[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "the", "pre", "##sident", "##s", "un", "##aff", "##able", "union", ".", ",", "'", "$", "3", "000", "cafe", "中", "国"));

    @Test
    void numbersPiecesByLine()
    {
        assertThat(VOCABULARY.size()).isEqualTo(23);
        assertThat(VOCABULARY.padId()).isZero();
        assertThat(VOCABULARY.unkId()).isEqualTo(2);
        assertThat(VOCABULARY.clsId()).isEqualTo(3);
        assertThat(VOCABULARY.sepId()).isEqualTo(4);
        assertThat(VOCABULARY.maskId()).isEqualTo(5);
        assertThat(VOCABULARY.id("the")).isEqualTo(6);
        assertThat(VOCABULARY.piece(8)).isEqualTo("##sident");
        assertThat(VOCABULARY.id("missing")).isEqualTo(VOCABULARY.unkId());
        assertThat(VOCABULARY.contains("missing")).isFalse();
        assertThat(VOCABULARY.contains("the")).isTrue();
    }

    @Test
    void bracketedPiecesAreSpecial()
    {
        assertThat(VOCABULARY.isSpecial(0)).isTrue();
        assertThat(VOCABULARY.isSpecial(1)).as("[unused0] is reserved").isTrue();
        assertThat(VOCABULARY.isSpecial(VOCABULARY.maskId())).isTrue();
        assertThat(VOCABULARY.isSpecial(VOCABULARY.id("the"))).isFalse();
        assertThat(VOCABULARY.isSpecial(VOCABULARY.id("."))).isFalse();
    }

    @Test
    void encodesGreedilyLongestMatchFirst()
    {
        assertThat(VOCABULARY.encodePieces("The presidents")).containsExactly("the", "pre", "##sident", "##s");
        // The apostrophe ends the word: "s" starts a new one, where the continuation "##s" cannot match.
        assertThat(VOCABULARY.encodePieces("president's")).containsExactly("pre", "##sident", "'", "[UNK]");
        assertThat(VOCABULARY.encodePieces("unaffable")).containsExactly("un", "##aff", "##able");
    }

    @Test
    void encodesAWordWithAnUnmatchedRestAsASingleUnknown()
    {
        assertThat(VOCABULARY.encodePieces("the preside union")).containsExactly("the", "[UNK]", "union");
        assertThat(VOCABULARY.encode("unafx")).containsExactly(VOCABULARY.unkId());
    }

    @Test
    void splitsPunctuationLowerCasesAndStripsAccents()
    {
        assertThat(VOCABULARY.encodePieces("$3,000.")).containsExactly("$", "3", ",", "000", ".");
        assertThat(VOCABULARY.encodePieces("CAFÉ\tThe\u00a0UNION")).containsExactly("cafe", "the", "union");
        assertThat(VOCABULARY.encode("the union")).containsExactly(6, 13);
    }

    @Test
    void putsEveryChineseCharacterOnItsOwnAndUnknownScriptsBecomeUnknown()
    {
        assertThat(VOCABULARY.encodePieces("中国人")).containsExactly("中", "国", "[UNK]");
        assertThat(VOCABULARY.encodePieces("Αθήνα")).containsExactly("[UNK]");
        assertThat(VOCABULARY.encodePieces("   ")).isEmpty();
    }

    @Test
    void givesUpOnVeryLongWords()
    {
        assertThat(VOCABULARY.encodePieces("un" + "aff".repeat(40))).containsExactly("[UNK]");
        assertThat(VOCABULARY.encodePieces("un" + "aff".repeat(30))).hasSize(31);
    }

    @Test
    void needsTheFiveSpecialPieces()
    {
        assertThatThrownBy(() -> TestingVocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "the")))
                .hasMessage("vocabulary has no [MASK] piece");
    }

    @Test
    void rejectsRepeatedAndBlankPiecesNamingTheLine(@TempDir Path directory)
            throws IOException
    {
        Path repeated = directory.resolve("vocab.txt");
        Files.write(repeated, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "a", "the"));
        assertThatThrownBy(() -> TestingVocabulary.load(repeated))
                .hasMessage(repeated + " line 8: piece 'the' repeats line 6");

        Path blank = directory.resolve("blank.txt");
        Files.write(blank, List.of("[PAD]", "[UNK]", "", "[CLS]", "[SEP]", "[MASK]"));
        assertThatThrownBy(() -> TestingVocabulary.load(blank))
                .hasMessage(blank + " line 3: piece '' is empty or contains white space");
    }

    @Test
    void loadsAFile(@TempDir Path directory)
            throws IOException
    {
        Path file = directory.resolve("vocab.txt");
        Files.write(file, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the"));
        TestingVocabulary vocabulary = TestingVocabulary.load(file);
        assertThat(vocabulary.size()).isEqualTo(6);
        assertThat(vocabulary.id("the")).isEqualTo(5);
        assertThatThrownBy(() -> TestingVocabulary.loadResource("no/such/vocab.txt"))
                .hasMessage("no resource no/such/vocab.txt on the class path");
    }
}
