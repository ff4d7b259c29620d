package org.ernie4j.tasks.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.regex.Pattern;

import org.ernie4j.spi.TaskReporter;
import org.ernie4j.spi.document.Vocabulary;

import static java.util.Objects.requireNonNull;

/**
 * Reads a search log in the task's TSV format, {@code query<TAB>title<TAB>clicked}, into a {@link SearchLog}. A line
 * that does not fit the format is skipped, counted, and named (source and line number) in a warning; the first
 * {@value #NAMED_LINES} such lines are named one by one and the rest in one summary, so that a badly broken log cannot
 * flood the run's output.
 */
final class SearchLogReader
{
    static final String MALFORMED_LINE = "malformed search-log line";
    static final int NAMED_LINES = 20;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final Vocabulary vocabulary;
    private final TaskReporter reporter;
    private final String taskName;

    SearchLogReader(Vocabulary vocabulary, TaskReporter reporter, String taskName)
    {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.reporter = requireNonNull(reporter, "reporter is null");
        this.taskName = requireNonNull(taskName, "taskName is null");
    }

    /**
     * Reads every line; {@code source} names the log in warnings.
     *
     * @throws IOException if the reader fails
     */
    SearchLog read(Reader reader, String source)
            throws IOException
    {
        requireNonNull(reader, "reader is null");
        requireNonNull(source, "source is null");
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        SearchLog.Builder log = new SearchLog.Builder(source, vocabulary::encode);
        int number = 0;
        int malformed = 0;
        boolean firstRow = true;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            boolean header = firstRow && line.strip().toLowerCase(Locale.ROOT).equals("query\ttitle\tclicked");
            firstRow = false;
            if (header) {
                continue;
            }
            String problem = add(line, log);
            if (problem != null) {
                malformed++;
                reporter.skipped(MALFORMED_LINE);
                if (malformed <= NAMED_LINES) {
                    reporter.warnOnce(taskName + ": " + source + " line " + number + ": " + problem + "; the line is skipped");
                }
            }
        }
        if (malformed > NAMED_LINES) {
            reporter.warnOnce(taskName + ": " + source + ": " + (malformed - NAMED_LINES) + " more malformed lines skipped, "
                    + malformed + " in all");
        }
        return log.build();
    }

    /** Adds the row of a line, or returns what is wrong with the line. */
    private String add(String line, SearchLog.Builder log)
    {
        String[] columns = line.split("\t", -1);
        if (columns.length != 3) {
            return "expected 3 tab-separated columns (query, title, clicked), found " + columns.length;
        }
        String query = collapse(columns[0]);
        String title = collapse(columns[1]);
        if (query.isEmpty()) {
            return "the query is empty";
        }
        if (title.isEmpty()) {
            return "the title is empty";
        }
        Boolean clicked = clicked(columns[2].strip());
        if (clicked == null) {
            return "the third column must be clicked, shown, 1 or 0, not '" + columns[2].strip() + "'";
        }
        return log.add(query, title, clicked);
    }

    private static String collapse(String text)
    {
        return WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
    }

    private static Boolean clicked(String value)
    {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "clicked", "1" -> Boolean.TRUE;
            case "shown", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
