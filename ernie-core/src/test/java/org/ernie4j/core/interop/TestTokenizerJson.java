package org.ernie4j.core.interop;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a tokenizer.json says that ernie4j cannot do exactly is refused, by key; the published file is the starting point. */
class TestTokenizerJson
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    @Test
    void refusesWhatItCannotDoAsTheFileSays()
            throws IOException
    {
        ObjectNode root = published();
        ((ObjectNode) root.get("normalizer")).put("type", "Sequence");
        ((ObjectNode) root.get("model")).put("continuing_subword_prefix", "@@");
        ((ObjectNode) root.get("pre_tokenizer")).put("type", "Whitespace");
        ((ObjectNode) root.get("post_processor").get("single").get(0).get("SpecialToken")).put("id", "<s>");
        Path file = write(root);
        assertThatThrownBy(() -> TokenizerJson.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("4 problems")
                .hasMessageContaining("normalizer.type is 'Sequence'; ernie4j reads BertNormalizer only")
                .hasMessageContaining("model.continuing_subword_prefix is '@@'; ernie4j reads ## only")
                .hasMessageContaining("pre_tokenizer.type is 'Whitespace'; ernie4j reads BertPreTokenizer only")
                .hasMessageContaining("post_processor.single is [<s>:0, A:0, [SEP]:0]; ernie4j's inputs are [[CLS]:0, A:0, [SEP]:0]");
    }

    @Test
    void refusesAVocabularyWithGapsOrTwiceGivenIds()
            throws IOException
    {
        ObjectNode root = published();
        ((ObjectNode) root.get("model").get("vocab")).put("the", 101);
        Path file = write(root);
        assertThatThrownBy(() -> TokenizerJson.read(file)).hasMessageContaining("model.vocab gives the id 101 to both");
    }

    private static ObjectNode published()
            throws IOException
    {
        return (ObjectNode) JSON.readTree(TestingMiniLm.directory().resolve(TokenizerJson.FILE).toFile());
    }

    private Path write(ObjectNode root)
            throws IOException
    {
        Path file = temporary.resolve(TokenizerJson.FILE);
        JSON.writeValue(file.toFile(), root);
        return file;
    }
}
