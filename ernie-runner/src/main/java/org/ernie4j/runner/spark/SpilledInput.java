package org.ernie4j.runner.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.ernie4j.core.text.corpus.CorpusReport;
import org.ernie4j.core.text.corpus.RawDocument;
import org.ernie4j.core.text.prepare.PreparationPlan;

import static java.util.Objects.requireNonNull;

/**
 * The input of a Spark preparation, as the driver read it, written to one file on the path the workers share, so that
 * the driver never holds the corpus: it streams the documents to {@value #DOCUMENTS} (and each document's offset to
 * {@value #OFFSETS}), and each partition reads its own contiguous run of documents from there. The input is read once,
 * with the checks and the report of a local preparation, whatever its layout (one large file is split into documents
 * here, by the driver, as locally).
 *
 * <p>A document is written as: string id, byte 0 or 1 then string title, int sentence count, then either the given
 * sentences (the text is them joined by line feeds) or, when there are none, the text; a string is an int byte length
 * and UTF-8 bytes (the strings can be longer than {@link DataOutputStream#writeUTF} allows).
 */
final class SpilledInput
{
    static final String DIRECTORY = "input";
    static final String DOCUMENTS = "documents.bin";
    static final String OFFSETS = "offsets.bin";

    private final Path documents;
    private final CorpusReport report;
    private final long count;

    private SpilledInput(Path documents, CorpusReport report, long count)
    {
        this.documents = documents;
        this.report = report;
        this.count = count;
    }

    /** Reads the plan's input and writes it under {@code directory}/{@value #DIRECTORY}. */
    static SpilledInput write(PreparationPlan plan, Path directory)
    {
        Path folder = directory.resolve(DIRECTORY);
        Path documents = folder.resolve(DOCUMENTS);
        try {
            Files.createDirectories(folder);
            try (CountingOutput out = new CountingOutput(documents); DataOutputStream offsets = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(folder.resolve(OFFSETS)), 1 << 16))) {
                long[] count = {0};
                CorpusReport report = plan.read(document -> {
                    try {
                        offsets.writeLong(out.position());
                        writeDocument(out.data, document);
                        count[0]++;
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException("Cannot write the input for Spark's workers to " + documents + ": " + e.getMessage(), e);
                    }
                });
                return new SpilledInput(documents, report, count[0]);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the input for Spark's workers to " + documents + ": " + e.getMessage(), e);
        }
    }

    CorpusReport report()
    {
        return report;
    }

    /**
     * Splits the documents into {@code partitions} contiguous runs of sizes differing by one at most, as Spark's
     * {@code parallelize} would split a list.
     */
    List<InputRange> ranges(int partitions)
    {
        List<InputRange> ranges = new ArrayList<>();
        try (RandomAccessFile offsets = new RandomAccessFile(documents.resolveSibling(OFFSETS).toFile(), "r")) {
            for (int partition = 0; partition < partitions; partition++) {
                long first = partition * count / partitions;
                long end = (partition + 1) * count / partitions;
                long offset = 0;
                if (first < count) {
                    offsets.seek(first * Long.BYTES);
                    offset = offsets.readLong();
                }
                ranges.add(new InputRange(documents.toString(), offset, end - first));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the document offsets beside " + documents, e);
        }
        return ranges;
    }

    /** The documents of one range, read as they are consumed: a worker holds one document at a time. */
    static Iterator<TextDocument> read(InputRange range)
    {
        requireNonNull(range, "range is null");
        DataInputStream in;
        try {
            FileChannel channel = FileChannel.open(Path.of(range.file()), StandardOpenOption.READ).position(range.offset());
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the input for this partition from " + range.file() + " (is it on a path every worker"
                    + " reads?)", e);
        }
        return new Iterator<>()
        {
            private long left = range.documents();

            @Override
            public boolean hasNext()
            {
                if (left == 0) {
                    close(in);
                }
                return left > 0;
            }

            @Override
            public TextDocument next()
            {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                try {
                    TextDocument document = TextDocument.of(readDocument(in));
                    left--;
                    return document;
                }
                catch (IOException e) {
                    close(in);
                    throw new UncheckedIOException("Cannot read the input for this partition from " + range.file(), e);
                }
            }
        };
    }

    private static void writeDocument(DataOutputStream out, RawDocument document)
            throws IOException
    {
        writeString(out, document.id());
        out.writeBoolean(document.title() != null);
        if (document.title() != null) {
            writeString(out, document.title());
        }
        out.writeInt(document.givenSentences().size());
        if (document.givenSentences().isEmpty()) {
            writeString(out, document.text());
        }
        for (String sentence : document.givenSentences()) {
            writeString(out, sentence);
        }
    }

    private static RawDocument readDocument(DataInputStream in)
            throws IOException
    {
        String id = readString(in);
        String title = in.readBoolean() ? readString(in) : null;
        int sentences = in.readInt();
        if (sentences == 0) {
            return RawDocument.ofText(id, title, readString(in));
        }
        List<String> given = new ArrayList<>(sentences);
        for (int i = 0; i < sentences; i++) {
            given.add(readString(in));
        }
        return RawDocument.ofSentences(id, title, given);
    }

    private static void writeString(DataOutputStream out, String value)
            throws IOException
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in)
            throws IOException
    {
        int length = in.readInt();
        if (length < 0) {
            throw new EOFException("a negative string length: the file is damaged");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void close(InputStream in)
    {
        try {
            in.close();
        }
        catch (IOException ignored) {
            // Everything needed was read.
        }
    }

    /** The documents file, counting the bytes written to it: the position the next document starts at. */
    private static final class CountingOutput
            extends FilterOutputStream
    {
        private final DataOutputStream data = new DataOutputStream(this);
        private long position;

        CountingOutput(Path file)
                throws IOException
        {
            super(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        long position()
        {
            return position;
        }

        @Override
        public void write(int b)
                throws IOException
        {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length)
                throws IOException
        {
            out.write(bytes, offset, length);
            position += length;
        }
    }
}
