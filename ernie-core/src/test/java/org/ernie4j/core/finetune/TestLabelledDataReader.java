package org.ernie4j.core.finetune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestLabelledDataReader
{
    @TempDir
    Path directory;

    @Test
    void readsTextsPairsAndTokensInBothFormats()
            throws IOException
    {
        Path tsv = Files.writeString(directory.resolve("pairs.tsv"), "# a comment\nyes\tThe Senate met.\tCongress met.\nno\tIt rained.\n\n");
        assertThat(LabelledDataReader.read(tsv, FinetuneKind.SEQUENCE)).containsExactly(
                new LabelledItem.Text("The Senate met.", "Congress met.", "yes", "pairs.tsv:2"),
                new LabelledItem.Text("It rained.", null, "no", "pairs.tsv:3"));
        Path jsonl = Files.writeString(directory.resolve("texts.jsonl"), "{\"text\": \"A\", \"label\": \"x\"}\n{\"text\": \"B\", \"text_pair\": \"C\", \"label\": \"y\"}\n");
        assertThat(LabelledDataReader.read(jsonl, FinetuneKind.SEQUENCE)).extracting(item -> ((LabelledItem.Text) item).pair()).containsExactly(null, "C");
        Path conll = Files.writeString(directory.resolve("tokens.tsv"), "George\tB-PER\nWashington\tI-PER\nspoke\tO\n\nCongress\tB-ORG\n");
        assertThat(LabelledDataReader.read(conll, FinetuneKind.TOKEN)).containsExactly(
                new LabelledItem.Tokens(List.of("George", "Washington", "spoke"), List.of("B-PER", "I-PER", "O"), "tokens.tsv:1"),
                new LabelledItem.Tokens(List.of("Congress"), List.of("B-ORG"), "tokens.tsv:5"));
        Path tokensJsonl = Files.writeString(directory.resolve("tokens.jsonl"), "{\"tokens\": [\"a\", \"b\"], \"labels\": [\"O\", \"X\"]}\n");
        assertThat(LabelledDataReader.read(tokensJsonl, FinetuneKind.TOKEN)).hasSize(1);
    }

    @Test
    void badLinesAreNamedWithFileAndLine()
            throws IOException
    {
        Path tsv = Files.writeString(directory.resolve("bad.tsv"), "yes\tfine\njust one column\n");
        assertThatThrownBy(() -> LabelledDataReader.read(tsv, FinetuneKind.SEQUENCE)).hasMessageContaining("bad.tsv, line 2")
                .hasMessageContaining("label<TAB>text");
        Path jsonl = Files.writeString(directory.resolve("bad.jsonl"), "{\"text\": \"A\", \"label\": \"x\"}\n{\"text\": \"B\"}\n");
        assertThatThrownBy(() -> LabelledDataReader.read(jsonl, FinetuneKind.SEQUENCE)).hasMessageContaining("bad.jsonl, line 2")
                .hasMessageContaining("'label'");
        Path tokens = Files.writeString(directory.resolve("bad-tokens.jsonl"), "{\"tokens\": [\"a\", \"b\"], \"labels\": [\"O\"]}\n");
        assertThatThrownBy(() -> LabelledDataReader.read(tokens, FinetuneKind.TOKEN)).hasMessageContaining("2 tokens but 1 labels");
        assertThatThrownBy(() -> LabelledDataReader.read(directory.resolve("missing.tsv"), FinetuneKind.SEQUENCE)).hasMessageContaining("does not exist");
    }
}
