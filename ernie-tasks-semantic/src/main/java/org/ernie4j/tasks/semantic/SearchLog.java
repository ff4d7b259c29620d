package org.ernie4j.tasks.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A search log held as distinct query/title pairs with their word pieces: each distinct query and title is encoded once,
 * and each pair is {@link RelevanceLabel#CLICKED} when any of its rows says clicked, else {@link RelevanceLabel#SHOWN}.
 * Immutable once built; lookups are constant time or a binary search.
 */
final class SearchLog
{
    private final String source;
    private final List<int[]> queries;
    private final List<int[]> titles;
    private final int[] pairQuery;
    private final int[] pairTitle;
    private final boolean[] pairClicked;
    private final int[][] shownTitles;

    private SearchLog(String source, List<int[]> queries, List<int[]> titles, int[] pairQuery, int[] pairTitle, boolean[] pairClicked,
            int[][] shownTitles)
    {
        this.source = source;
        this.queries = queries;
        this.titles = titles;
        this.pairQuery = pairQuery;
        this.pairTitle = pairTitle;
        this.pairClicked = pairClicked;
        this.shownTitles = shownTitles;
    }

    /** Where the log comes from, for messages. */
    String source()
    {
        return source;
    }

    /** The number of distinct query/title pairs. */
    int pairCount()
    {
        return pairQuery.length;
    }

    int queryCount()
    {
        return queries.size();
    }

    int titleCount()
    {
        return titles.size();
    }

    /** The number of pairs whose title was clicked for the query. */
    int clickedCount()
    {
        int count = 0;
        for (boolean clicked : pairClicked) {
            count += clicked ? 1 : 0;
        }
        return count;
    }

    int query(int pair)
    {
        return pairQuery[pair];
    }

    int title(int pair)
    {
        return pairTitle[pair];
    }

    RelevanceLabel label(int pair)
    {
        return pairClicked[pair] ? RelevanceLabel.CLICKED : RelevanceLabel.SHOWN;
    }

    /** The pieces of a query; not to be modified. */
    int[] queryPieces(int query)
    {
        return queries.get(query);
    }

    /** The pieces of a title; not to be modified. */
    int[] titlePieces(int title)
    {
        return titles.get(title);
    }

    /** True when the title was shown for the query, clicked or not. */
    boolean wasShown(int query, int title)
    {
        return Arrays.binarySearch(shownTitles[query], title) >= 0;
    }

    @Override
    public String toString()
    {
        return "search log " + source + ": " + pairCount() + " pairs (" + clickedCount() + " clicked) of " + queries.size() + " queries and "
                + titles.size() + " titles";
    }

    /**
     * Collects rows. Queries and titles are identified by their text in lower case (the model sees uncased pieces, so two
     * spellings that differ in case only are one text to it); each distinct text is encoded once.
     */
    static final class Builder
    {
        private final String source;
        private final Function<String, int[]> encoder;
        private final Map<String, Integer> queryIds = new HashMap<>();
        private final Map<String, Integer> titleIds = new HashMap<>();
        private final List<int[]> queries = new ArrayList<>();
        private final List<int[]> titles = new ArrayList<>();
        private final Map<Long, Integer> pairIds = new HashMap<>();
        private final List<Integer> pairQuery = new ArrayList<>();
        private final List<Integer> pairTitle = new ArrayList<>();
        private final List<Boolean> pairClicked = new ArrayList<>();

        /**
         * @param encoder the word pieces of a text
         */
        Builder(String source, Function<String, int[]> encoder)
        {
            this.source = requireNonNull(source, "source is null");
            this.encoder = requireNonNull(encoder, "encoder is null");
        }

        /**
         * Adds one row of non-blank texts, or returns what is wrong with it (a text without word pieces) and adds nothing.
         */
        String add(String query, String title, boolean clicked)
        {
            String queryKey = query.toLowerCase(Locale.ROOT);
            String titleKey = title.toLowerCase(Locale.ROOT);
            int[] newQuery = queryIds.containsKey(queryKey) ? null : encoder.apply(query);
            if (newQuery != null && newQuery.length == 0) {
                return "the query has no word pieces";
            }
            int[] newTitle = titleIds.containsKey(titleKey) ? null : encoder.apply(title);
            if (newTitle != null && newTitle.length == 0) {
                return "the title has no word pieces";
            }
            int queryId = newQuery == null ? queryIds.get(queryKey) : register(queryKey, newQuery, queryIds, queries);
            int titleId = newTitle == null ? titleIds.get(titleKey) : register(titleKey, newTitle, titleIds, titles);
            long key = ((long) queryId << 32) | titleId;
            Integer pair = pairIds.get(key);
            if (pair == null) {
                pairIds.put(key, pairQuery.size());
                pairQuery.add(queryId);
                pairTitle.add(titleId);
                pairClicked.add(clicked);
            }
            else if (clicked) {
                pairClicked.set(pair, true);
            }
            return null;
        }

        private static int register(String key, int[] pieces, Map<String, Integer> ids, List<int[]> texts)
        {
            int id = texts.size();
            ids.put(key, id);
            texts.add(pieces.clone());
            return id;
        }

        SearchLog build()
        {
            int pairs = pairQuery.size();
            int[] query = new int[pairs];
            int[] title = new int[pairs];
            boolean[] clicked = new boolean[pairs];
            int[] shownCount = new int[queries.size()];
            for (int i = 0; i < pairs; i++) {
                query[i] = pairQuery.get(i);
                title[i] = pairTitle.get(i);
                clicked[i] = pairClicked.get(i);
                shownCount[query[i]]++;
            }
            int[][] shown = new int[queries.size()][];
            for (int q = 0; q < shown.length; q++) {
                shown[q] = new int[shownCount[q]];
            }
            int[] filled = new int[queries.size()];
            for (int i = 0; i < pairs; i++) {
                shown[query[i]][filled[query[i]]++] = title[i];
            }
            for (int[] titlesOfQuery : shown) {
                Arrays.sort(titlesOfQuery);
            }
            return new SearchLog(source, List.copyOf(queries), List.copyOf(titles), query, title, clicked, shown);
        }
    }
}
