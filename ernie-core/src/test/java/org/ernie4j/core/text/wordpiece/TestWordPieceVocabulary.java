package org.ernie4j.core.text.wordpiece;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestWordPieceVocabulary
{
    private static final List<String> PIECES = List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "un", "##aff", "##able", "the", "union", "state", "of", "##s", "!", ",", ".", "a", "##f", "##a", "##b",
            "##l", "##e", "s", "u", "##n", "𝔘", "##𝔘");

    @TempDir
    Path temp;

    private final WordPieceVocabulary vocabulary = WordPieceVocabulary.of(PIECES);

    @Test
    public void splitsWordsGreedilyLongestMatchFirst()
    {
        assertThat(vocabulary.tokenize("unaffable")).containsExactly("un", "##aff", "##able");
        assertThat(vocabulary.tokenize("Unaffable, the States!")).containsExactly("un", "##aff", "##able", ",", "the", "state", "##s", "!");
        // The longest first piece wins even when a shorter one would also lead to a complete split.
        assertThat(vocabulary.tokenize("unable")).containsExactly("un", "##able");
        assertThat(vocabulary.tokenize("𝔘𝔘")).containsExactly("𝔘", "##𝔘");
    }

    @Test
    public void wordsWithoutAFullSplitOrTooLongAreUnknown()
    {
        assertThat(vocabulary.tokenize("the unionz state")).containsExactly("the", "[UNK]", "state");
        List<String> hundred = vocabulary.tokenize("a".repeat(100));
        assertThat(hundred).hasSize(100).startsWith("a").doesNotContain("[UNK]");
        assertThat(hundred.subList(1, 100)).containsOnly("##a");
        assertThat(vocabulary.tokenize("a".repeat(101))).containsExactly("[UNK]");
        assertThat(vocabulary.encode("")).isEmpty();
    }

    @Test
    public void knowsItsSpecialTokens()
    {
        assertThat(vocabulary.padId()).isEqualTo(0);
        assertThat(vocabulary.unkId()).isEqualTo(1);
        assertThat(vocabulary.clsId()).isEqualTo(2);
        assertThat(vocabulary.sepId()).isEqualTo(3);
        assertThat(vocabulary.maskId()).isEqualTo(4);
        assertThat(vocabulary.id("##aff")).isEqualTo(6);
        assertThat(vocabulary.id("nothing")).isEqualTo(vocabulary.unkId());
        assertThat(vocabulary.piece(9)).isEqualTo("union");
        assertThat(vocabulary.isSpecial(4)).isTrue();
        assertThat(vocabulary.isSpecial(5)).isFalse();
        assertThat(vocabulary.size()).isEqualTo(PIECES.size());
    }

    @Test
    public void roundTripsThroughVocabTxt()
            throws IOException
    {
        Path file = temp.resolve("vocab.txt");
        vocabulary.save(file);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).isEqualTo(PIECES);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("##𝔘\n");
        WordPieceVocabulary loaded = WordPieceVocabulary.load(file);
        assertThat(loaded.pieces()).isEqualTo(PIECES);
        assertThat(loaded.encode("Unaffable states")).isEqualTo(vocabulary.encode("Unaffable states"));
    }

    @Test
    public void keepsSpecialTokenIdsAsFoundInABertStyleFile()
            throws IOException
    {
        // Google's uncased vocabulary starts with [PAD], then [unused0]..[unused98], then [UNK] at 100.
        List<String> lines = new ArrayList<>();
        lines.add("[PAD]");
        for (int i = 0; i < 99; i++) {
            lines.add("[unused" + i + "]");
        }
        lines.addAll(List.of("[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "union", "##s", "!"));
        Path file = temp.resolve("bert-vocab.txt");
        Files.write(file, lines, StandardCharsets.UTF_8);

        WordPieceVocabulary loaded = WordPieceVocabulary.load(file);

        assertThat(loaded.unkId()).isEqualTo(100);
        assertThat(loaded.maskId()).isEqualTo(103);
        assertThat(loaded.isSpecial(loaded.id("[unused7]"))).isTrue();
        assertThat(loaded.isSpecial(loaded.id("!"))).isFalse();
        assertThat(loaded.encode("The unions!")).containsExactly(104, 105, 106, 107);
    }

    @Test
    public void rejectsFilesWithoutSpecialTokensNamingTheFile()
            throws IOException
    {
        Path file = temp.resolve("vocab.txt");
        Files.write(file, List.of("[PAD]", "[UNK]", "[CLS]", "the", "union"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WordPieceVocabulary.load(file))
                .isInstanceOf(VocabularyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("lacks the special tokens [[SEP], [MASK]]");
    }

    @Test
    public void rejectsDuplicateAndBlankPiecesNamingTheLine()
            throws IOException
    {
        Path duplicate = temp.resolve("duplicate.txt");
        Files.write(duplicate, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "union", "the"), StandardCharsets.UTF_8);
        Path blank = temp.resolve("blank.txt");
        Files.write(blank, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "", "union"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WordPieceVocabulary.load(duplicate))
                .isInstanceOf(VocabularyException.class)
                .hasMessage("Vocabulary " + duplicate + ", line 8: piece 'the' already on line 6");
        assertThatThrownBy(() -> WordPieceVocabulary.load(blank))
                .isInstanceOf(VocabularyException.class)
                .hasMessage("Vocabulary " + blank + ", line 7: piece '' is empty or has white space");
    }
}
