package org.ernie4j.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMapTaskSettings
{
    private static MapTaskSettings settings(Map<String, ?> values)
    {
        return new MapTaskSettings("tasks.knowledge-masking", values);
    }

    @Test
    void returnsValuesOrDefaults()
    {
        MapTaskSettings settings = settings(Map.of("n", 3, "big", 5_000_000_000L, "rate", 0.2, "on", true, "name", "x", "words", List.of("a", "b")));
        assertThat(settings.getInt("n", 1)).isEqualTo(3);
        assertThat(settings.getLong("big", 1)).isEqualTo(5_000_000_000L);
        assertThat(settings.getLong("n", 1)).isEqualTo(3L);
        assertThat(settings.getDouble("rate", 0.1)).isEqualTo(0.2);
        assertThat(settings.getBoolean("on", false)).isTrue();
        assertThat(settings.getString("name", "y")).isEqualTo("x");
        assertThat(settings.getStringList("words", List.of())).containsExactly("a", "b");
        assertThat(settings.getInt("absent", 7)).isEqualTo(7);
        assertThat(settings.getString("absent-too", null)).isNull();
        assertThat(settings.path()).isEqualTo("tasks.knowledge-masking");
    }

    @Test
    void aDoubleIsAnyNumberButNeverText()
    {
        MapTaskSettings settings = settings(Map.of("one", 1, "long", 5_000_000_000L, "huge", new BigInteger("100000000000000000000"),
                "decimal", new BigDecimal("0.25"), "text", "0.5"));
        assertThat(settings.getDouble("one", 0.1)).as("a whole number is a valid double").isEqualTo(1.0);
        assertThat(settings.getDouble("long", 0.1)).isEqualTo(5e9);
        assertThat(settings.getDouble("huge", 0.1)).isEqualTo(1e20);
        assertThat(settings.getDouble("decimal", 0.1)).isEqualTo(0.25);
        assertThatThrownBy(() -> settings.getDouble("text", 0.1))
                .hasMessage("tasks.knowledge-masking.text: expected a number, not the text '0.5'");
    }

    @Test
    void anIntegerIsAWholeNumberInRange()
    {
        MapTaskSettings settings = settings(Map.of("short", (short) 4, "big", BigInteger.valueOf(6), "over-int", 3_000_000_000L,
                "over-long", new BigInteger("10000000000000000000"), "half", 2.5, "whole-double", 2.0, "text", "3"));
        assertThat(settings.getInt("short", 0)).isEqualTo(4);
        assertThat(settings.getLong("big", 0)).isEqualTo(6L);
        assertThat(settings.getLong("over-int", 0)).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> settings.getInt("over-int", 1))
                .hasMessage("tasks.knowledge-masking.over-int: expected an integer from -2147483648 to 2147483647, not 3000000000");
        assertThatThrownBy(() -> settings.getLong("over-long", 1))
                .hasMessage("tasks.knowledge-masking.over-long: expected an integer from -9223372036854775808 to 9223372036854775807, not 10000000000000000000");
        assertThatThrownBy(() -> settings.getInt("half", 1)).hasMessage("tasks.knowledge-masking.half: expected an integer, not 2.5");
        assertThatThrownBy(() -> settings.getLong("whole-double", 1)).hasMessage("tasks.knowledge-masking.whole-double: expected an integer, not 2.0");
        assertThatThrownBy(() -> settings.getInt("text", 1)).hasMessage("tasks.knowledge-masking.text: expected an integer, not the text '3'");
    }

    @Test
    void wrongTypesNameThePathOfTheKey()
    {
        MapTaskSettings settings = settings(Map.of("rate", "high", "on", "yes", "flag", 1, "name", 3, "words", List.of("a", 2), "list", "a",
                "section", Map.of("a", 1), "rates", List.of(0.1)));
        assertThatThrownBy(() -> settings.getDouble("rate", 0.1))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.path()).isEqualTo("tasks.knowledge-masking.rate"))
                .hasMessage("tasks.knowledge-masking.rate: expected a number, not the text 'high'");
        assertThatThrownBy(() -> settings.getBoolean("on", false)).hasMessage("tasks.knowledge-masking.on: expected true or false, not the text 'yes'");
        assertThatThrownBy(() -> settings.getBoolean("flag", false)).hasMessage("tasks.knowledge-masking.flag: expected true or false, not 1");
        assertThatThrownBy(() -> settings.getString("name", "x")).hasMessage("tasks.knowledge-masking.name: expected a string, not 3");
        assertThatThrownBy(() -> settings.getStringList("words", List.of()))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.path()).isEqualTo("tasks.knowledge-masking.words[1]"))
                .hasMessage("tasks.knowledge-masking.words[1]: expected a string, not 2");
        assertThatThrownBy(() -> settings.getStringList("list", List.of())).hasMessage("tasks.knowledge-masking.list: expected a list of strings, not the text 'a'");
        assertThatThrownBy(() -> settings.getInt("section", 1)).hasMessage("tasks.knowledge-masking.section: expected an integer, not a section of keys");
        assertThatThrownBy(() -> settings.getDouble("rates", 1)).hasMessage("tasks.knowledge-masking.rates: expected a number, not a list");
    }

    @Test
    void aKeyWithoutAValueIsAnErrorNotTheDefault()
    {
        Map<String, Object> values = new HashMap<>();
        values.put("empty", null);
        MapTaskSettings settings = settings(values);
        assertThatThrownBy(() -> settings.getDouble("empty", 1)).hasMessage("tasks.knowledge-masking.empty: has no value");
        assertThatThrownBy(() -> settings.getStringList("empty", List.of())).hasMessage("tasks.knowledge-masking.empty: has no value");
        assertThat(settings.readKeys()).containsExactly("empty");
        assertThat(settings.unreadKeys()).isEmpty();
    }

    @Test
    void recordsWhichKeysWereRead()
    {
        MapTaskSettings settings = settings(Map.of("masking-rate", 0.2, "strategy", "entity", "typo-key", 1));
        assertThat(settings.unreadKeys()).containsExactly("masking-rate", "strategy", "typo-key");
        settings.getString("strategy", "mixed");
        settings.getDouble("masking-rate", 0.15);
        settings.getInt("absent", 1);
        assertThat(settings.readKeys()).as("sorted").containsExactly("absent", "masking-rate", "strategy");
        assertThat(settings.unreadKeys()).containsExactly("typo-key");
        assertThat(settings.keys()).containsExactlyInAnyOrder("masking-rate", "strategy", "typo-key");
    }

    @Test
    void recordsReadsFromManyThreads()
            throws Exception
    {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            values.put("key-" + i, i);
        }
        MapTaskSettings settings = settings(values);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "key-" + i;
                reads.add(threads.submit(() -> settings.getInt(key, -1)));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        }
        finally {
            threads.shutdown();
        }
        assertThat(settings.readKeys()).hasSize(200);
        assertThat(settings.unreadKeys()).isEmpty();
    }

    @Test
    void invalidNamesThePath()
    {
        InvalidSettingException exception = settings(Map.of()).invalid("masking-rate", "must be at most 1, not 1.5");
        assertThat(exception.path()).isEqualTo("tasks.knowledge-masking.masking-rate");
        assertThat(exception).hasMessage("tasks.knowledge-masking.masking-rate: must be at most 1, not 1.5");
        assertThat(new MapTaskSettings("tasks[0].settings", Map.of()).invalid("n", "too big").path()).isEqualTo("tasks[0].settings.n");
    }

    @Test
    void keepsACopyOfItsValues()
    {
        Map<String, Object> values = new HashMap<>(Map.of("n", 1));
        MapTaskSettings settings = settings(values);
        values.put("n", 2);
        values.put("m", 3);
        assertThat(settings.getInt("n", 0)).isEqualTo(1);
        assertThat(settings.keys()).containsExactly("n");
        assertThatThrownBy(() -> settings.keys().add("m")).isInstanceOf(UnsupportedOperationException.class);
        List<String> returned = settings(Map.of("words", Arrays.asList("a", "b"))).getStringList("words", List.of());
        assertThatThrownBy(() -> returned.add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new MapTaskSettings(null, Map.of())).hasMessage("path is null");
        assertThatThrownBy(() -> new MapTaskSettings("tasks[0].settings", null)).hasMessage("values is null");
    }
}
