package org.ernie4j.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ernie4j.spi.document.Vocabulary;

/**
 * A whole-word, lower-cased vocabulary for tests of the trainer: every word of the test text is one piece.
 */
public final class WordVocabulary
        implements Vocabulary
{
    private static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private final List<String> pieces = new ArrayList<>(SPECIAL);
    private final Map<String, Integer> ids = new HashMap<>();

    public WordVocabulary(Iterable<String> words)
    {
        for (int i = 0; i < SPECIAL.size(); i++) {
            ids.put(SPECIAL.get(i), i);
        }
        for (String word : words) {
            String piece = word.toLowerCase(Locale.ROOT);
            if (!ids.containsKey(piece)) {
                ids.put(piece, pieces.size());
                pieces.add(piece);
            }
        }
    }

    @Override
    public int size()
    {
        return pieces.size();
    }

    @Override
    public int id(String piece)
    {
        return ids.getOrDefault(piece.toLowerCase(Locale.ROOT), unkId());
    }

    @Override
    public String piece(int id)
    {
        return pieces.get(id);
    }

    @Override
    public int padId()
    {
        return 0;
    }

    @Override
    public int unkId()
    {
        return 1;
    }

    @Override
    public int clsId()
    {
        return 2;
    }

    @Override
    public int sepId()
    {
        return 3;
    }

    @Override
    public int maskId()
    {
        return 4;
    }

    @Override
    public boolean isSpecial(int id)
    {
        return id < SPECIAL.size();
    }

    @Override
    public int[] encode(String text)
    {
        return TestingCorpus.words(text).stream().mapToInt(this::id).toArray();
    }
}
