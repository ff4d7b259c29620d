package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.ernie4j.core.text.wordpiece.TokenizerSettings;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.junit.jupiter.api.Test;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ernie4j's tokenizer against Hugging Face's own (the Rust {@code tokenizers} library, through DJL), both reading the
 * tokenizer.json published with all-MiniLM-L6-v2: the same ids on every sentence of the embedded sample corpus, and on
 * strings chosen to hit each normalisation step.
 */
class TestHuggingFaceTokenizer
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TestHuggingFaceTokenizer.class);

    /** Accents, capital sigma at a word's end, CJK, controls, unusual spaces, a dotted capital I, symbols, long words. */
    static final List<String> HARD = List.of(
            "ΟΔΟΣ ΤΗΣ ΕΛΛΑΔΟΣ",
            "Ὀδυσσεύς and Αθήνα",
            "Élysée, Ångström, naïve café, façade, Œuvre, São Paulo",
            "İstanbul ıi İI",
            "北京大学 and 東京 with kana カタカナ and hangul 한국어",
            "tab\tseparated\u00A0no-break\u2003em\u2028line\u3000ideographic",
            "zero\u200Bwidth soft\u00ADhyphen control\u0007bell nul\u0000 replacement\uFFFD private\uE000use",
            "$3,000,000 at 4.5% (1790-1791) -- \"quoted\" 'single' [bracketed] {braced} <angled> #hash @at ^caret ~tilde `grave`",
            "ﬁnance ﬂow ＦＵＬＬＷＩＤＴＨ ① ½ ™ ℃",
            "emoji 😀 and 𝐁𝐨𝐥𝐝 mathematical letters",
            "pneumonoultramicroscopicsilicovolcanoconiosis" + "x".repeat(60) + " supercalifragilisticexpialidocious",
            "a".repeat(101),
            "The U.S.A. isn't the U.K.; Mr. O'Neill's co-operation — “smart quotes” … ellipsis",
            "");

    @Test
    void readsTheSettingsOfThePublishedTokenizer()
    {
        WordPieceVocabulary vocabulary = TokenizerJson.read(TestingMiniLm.directory().resolve(TokenizerJson.FILE)).vocabulary();
        assertThat(vocabulary.size()).isEqualTo(30522);
        assertThat(vocabulary.settings()).isEqualTo(new TokenizerSettings(true, true, true, true, 100, OptionalInt.of(128)));
        assertThat(vocabulary.clsId()).isEqualTo(101);
        assertThat(vocabulary.padId()).isZero();
    }

    @Test
    void givesHuggingFacesIdsOnEverySentenceOfTheSampleCorpus()
            throws IOException
    {
        Path file = TestingMiniLm.directory().resolve(TokenizerJson.FILE);
        WordPieceVocabulary ours = TokenizerJson.read(file).vocabulary();
        List<String> texts = new ArrayList<>(TestingMiniLm.corpusSentences());
        int sentences = texts.size();
        texts.addAll(HARD);
        List<String> differences = new ArrayList<>();
        long pieces = 0;
        try (HuggingFaceTokenizer theirs = HuggingFaceTokenizer.builder().optTokenizerPath(file).optTruncation(false).optPadding(false).build()) {
            for (String text : texts) {
                long[] expected = theirs.encode(text).getIds();
                long[] actual = withSpecialTokens(ours, text);
                pieces += actual.length;
                if (!java.util.Arrays.equals(actual, expected)) {
                    differences.add(text + "\n  ours:  " + ours.tokenize(text) + "\n  theirs: " + theirs.encode(text).getTokens().length + " "
                            + List.of(theirs.encode(text).getTokens()));
                }
            }
        }
        LOG.info("tokenizer.json of all-MiniLM-L6-v2: {} of {} texts ({} corpus sentences, {} chosen strings; {} pieces) give Hugging Face's ids",
                texts.size() - differences.size(), texts.size(), sentences, HARD.size(), pieces);
        assertThat(sentences).as("sentences of the sample corpus").isGreaterThan(3000);
        assertThat(differences).as("texts where the ids differ").isEmpty();
    }

    @Test
    void lowerCasesEachCharacterOnItsOwn()
    {
        WordPieceVocabulary ours = TokenizerJson.read(TestingMiniLm.directory().resolve(TokenizerJson.FILE)).vocabulary();
        // Java's String.toLowerCase makes the last Σ a final sigma ς; the model's vocabulary has the plain σ only.
        assertThat(String.join(" ", ours.tokenize("ΟΔΟΣ"))).isEqualTo(String.join(" ", ours.tokenize("οδοσ")));
        assertThat(ours.tokenize("ΟΔΟΣ")).doesNotContain("[UNK]");
    }

    private static long[] withSpecialTokens(WordPieceVocabulary vocabulary, String text)
    {
        int[] pieces = vocabulary.encode(text);
        long[] ids = new long[pieces.length + 2];
        ids[0] = vocabulary.clsId();
        for (int i = 0; i < pieces.length; i++) {
            ids[i + 1] = pieces[i];
        }
        ids[ids.length - 1] = vocabulary.sepId();
        return ids;
    }
}
