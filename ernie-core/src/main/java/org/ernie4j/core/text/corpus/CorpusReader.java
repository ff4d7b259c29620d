package org.ernie4j.core.text.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Streams the documents of a corpus, one at a time and in a fixed order, to a consumer. Files that are not usable text
 * (empty, binary, not UTF-8, absurdly long lines) and malformed JSONL lines are skipped with a warning and counted in the
 * returned {@link CorpusReport}; only a corpus without any usable document is an error.
 */
public final class CorpusReader
{
    private static final Logger log = LoggerFactory.getLogger(CorpusReader.class);
    // Beyond this many skipped lines of one file, the rest are summed up in one warning at the end of the file.
    private static final int MAX_LINE_WARNINGS_PER_FILE = 5;

    private final CorpusOptions options;
    private final boolean warnOnSkip;

    public CorpusReader(CorpusOptions options)
    {
        this(options, true);
    }

    /**
     * @param warnOnSkip false to log skips at debug level only, for a second read of a corpus already reported on
     */
    public CorpusReader(CorpusOptions options, boolean warnOnSkip)
    {
        this.options = requireNonNull(options, "options is null");
        this.warnOnSkip = warnOnSkip;
    }

    /** The files and layout of the corpus at a path, under this reader's format option. */
    public CorpusInput resolve(Path path)
    {
        return CorpusInput.resolve(path, options.format());
    }

    public CorpusReport read(Path path, Consumer<RawDocument> consumer)
    {
        return read(resolve(path), consumer);
    }

    /**
     * Hands every usable document to the consumer, in reading order, on the calling thread.
     *
     * @throws CorpusException if no document at all is usable
     * @throws UncheckedIOException if a file cannot be read at all
     * @throws CorpusException if a file listed in {@code input} has disappeared since
     */
    public CorpusReport read(CorpusInput input, Consumer<RawDocument> consumer)
    {
        requireNonNull(input, "input is null");
        requireNonNull(consumer, "consumer is null");
        FileCheck check = new FileCheck(options);
        DocumentFileReader reader = switch (input.format()) {
            case TEXT_FOLDER -> new TextFileReader();
            case BERT -> new BertFileReader();
            case JSONL -> new JsonlFileReader();
            case AUTO -> throw new IllegalArgumentException("input format is not resolved: " + input);
        };
        Context context = new Context(consumer);
        for (Path file : input.files()) {
            String name = input.relativeName(file);
            context.report.fileExamined();
            try {
                Optional<FileCheck.Problem> problem = check.check(file);
                if (problem.isPresent()) {
                    context.skip(problem.get().reason(), name, problem.get().detail());
                    continue;
                }
                context.startFile(name);
                reader.read(file, name, context);
                context.endFile();
            }
            catch (NoSuchFileException e) {
                // The file was listed when reading began: it was deleted or moved while the corpus was being read.
                throw new CorpusException("The corpus file " + file + " disappeared while the corpus was being read (it was there when reading"
                        + " began); restore it, or read the corpus again without it");
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read corpus file " + file, e);
            }
        }
        CorpusReport report = context.report.build();
        if (report.documents() == 0) {
            throw new CorpusException("No usable text in " + input.path() + ": " + report.summary());
        }
        return report;
    }

    /** Reads the documents of one file that passed the {@link FileCheck}. */
    interface DocumentFileReader
    {
        void read(Path file, String name, Sink sink)
                throws IOException;
    }

    /** Where a {@link DocumentFileReader} puts documents and skipped lines. */
    interface Sink
    {
        void document(RawDocument document);

        /** A skipped line or record of the current file. */
        void skipLine(SkipReason reason, String name, long line, String detail);
    }

    private final class Context
            implements Sink
    {
        private final Consumer<RawDocument> consumer;
        private final CorpusReport.Builder report = new CorpusReport.Builder();
        private final Set<String> ids = new HashSet<>();
        private String currentFile;
        private int lineSkipsInFile;

        Context(Consumer<RawDocument> consumer)
        {
            this.consumer = consumer;
        }

        void startFile(String name)
        {
            currentFile = name;
            lineSkipsInFile = 0;
        }

        void endFile()
        {
            if (lineSkipsInFile > MAX_LINE_WARNINGS_PER_FILE) {
                warn("Skipped {} more lines of {} (see the corpus report)",
                        lineSkipsInFile - MAX_LINE_WARNINGS_PER_FILE, currentFile);
            }
            currentFile = null;
        }

        @Override
        public void document(RawDocument document)
        {
            if (!ids.add(document.id())) {
                report.skipped(SkipReason.DUPLICATE_ID, document.id());
                warn("Skipping document {} of {}: {}", document.id(), currentFile, SkipReason.DUPLICATE_ID.description());
                return;
            }
            report.documentRead();
            consumer.accept(document);
        }

        @Override
        public void skipLine(SkipReason reason, String name, long line, String detail)
        {
            report.skipped(reason, name + ":" + line);
            lineSkipsInFile++;
            if (lineSkipsInFile <= MAX_LINE_WARNINGS_PER_FILE) {
                warn("Skipping line {} of {}: {}: {}", line, name, reason.description(), detail);
            }
        }

        void skip(SkipReason reason, String name, String detail)
        {
            report.skipped(reason, name);
            warn("Skipping {}: {}: {}", name, reason.description(), detail);
        }

        private void warn(String format, Object... arguments)
        {
            if (warnOnSkip) {
                log.warn(format, arguments);
            }
            else {
                log.debug(format, arguments);
            }
        }
    }
}
