package org.ernie4j.testkit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ernie4j.spi.InvalidSettingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTestingTaskSettings
{
    private static TestingTaskSettings settings(Map<String, ?> values)
    {
        return new TestingTaskSettings("knowledge-masking", values);
    }

    @Test
    void returnsValuesOrDefaults()
    {
        TestingTaskSettings settings = settings(Map.of("n", 3, "big", 5_000_000_000L, "rate", 0.2, "on", true, "name", "x", "words", List.of("a", "b")));
        assertThat(settings.getInt("n", 1)).isEqualTo(3);
        assertThat(settings.getLong("big", 1)).isEqualTo(5_000_000_000L);
        assertThat(settings.getLong("n", 1)).isEqualTo(3L);
        assertThat(settings.getDouble("rate", 0.1)).isEqualTo(0.2);
        assertThat(settings.getDouble("n", 0.1)).as("a whole number is a number").isEqualTo(3.0);
        assertThat(settings.getBoolean("on", false)).isTrue();
        assertThat(settings.getString("name", "y")).isEqualTo("x");
        assertThat(settings.getStringList("words", List.of())).containsExactly("a", "b");
        assertThat(settings.getInt("absent", 7)).isEqualTo(7);
        assertThat(settings.getString("absent-too", null)).isNull();
    }

    @Test
    void recordsWhichKeysWereRead()
    {
        TestingTaskSettings settings = settings(Map.of("masking-rate", 0.2, "strategy", "entity", "typo-key", 1));
        assertThat(settings.unreadKeys()).containsExactlyInAnyOrder("masking-rate", "strategy", "typo-key");
        settings.getDouble("masking-rate", 0.15);
        settings.getString("strategy", "mixed");
        settings.getInt("absent", 1);
        assertThat(settings.readKeys()).containsExactly("masking-rate", "strategy", "absent");
        assertThat(settings.unreadKeys()).containsExactly("typo-key");
        assertThat(settings.keys()).containsExactlyInAnyOrder("masking-rate", "strategy", "typo-key");
    }

    @Test
    void wrongTypesNameThePathOfTheKey()
    {
        TestingTaskSettings settings = settings(Map.of("rate", "high", "n", 2.5, "on", "yes", "name", 3, "words", List.of("a", 2), "list", "a"));
        assertThatThrownBy(() -> settings.getDouble("rate", 0.1))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.path()).isEqualTo("tasks.knowledge-masking.rate"))
                .hasMessage("tasks.knowledge-masking.rate: expected a number, but got 'high' (String)");
        assertThatThrownBy(() -> settings.getInt("n", 1)).hasMessage("tasks.knowledge-masking.n: expected an integer, but got 2.5 (Double)");
        assertThatThrownBy(() -> settings.getLong("n", 1)).hasMessage("tasks.knowledge-masking.n: expected an integer, but got 2.5 (Double)");
        assertThatThrownBy(() -> settings.getBoolean("on", false)).hasMessage("tasks.knowledge-masking.on: expected true or false, but got 'yes' (String)");
        assertThatThrownBy(() -> settings.getString("name", "x")).hasMessage("tasks.knowledge-masking.name: expected a string, but got 3 (Integer)");
        assertThatThrownBy(() -> settings.getStringList("words", List.of())).hasMessage("tasks.knowledge-masking.words: expected a list of strings, but item 1 is 2 (Integer)");
        assertThatThrownBy(() -> settings.getStringList("list", List.of())).hasMessage("tasks.knowledge-masking.list: expected a list of strings, but got 'a' (String)");
    }

    @Test
    void rejectsIntegersOutOfRangeAndKeysWithoutValue()
    {
        Map<String, Object> values = new HashMap<>();
        values.put("n", 3_000_000_000L);
        values.put("empty", null);
        TestingTaskSettings settings = settings(values);
        assertThatThrownBy(() -> settings.getInt("n", 1)).hasMessage("tasks.knowledge-masking.n: expected an integer, but 3000000000 is out of range");
        assertThatThrownBy(() -> settings.getDouble("empty", 1)).hasMessage("tasks.knowledge-masking.empty: has no value");
        assertThat(settings.readKeys()).containsExactly("n", "empty");
    }

    @Test
    void invalidNamesThePath()
    {
        InvalidSettingException exception = settings(Map.of()).invalid("masking-rate", "must be at most 1, not 1.5");
        assertThat(exception.path()).isEqualTo("tasks.knowledge-masking.masking-rate");
        assertThat(exception).hasMessage("tasks.knowledge-masking.masking-rate: must be at most 1, not 1.5");
    }

    @Test
    void keepsACopyOfItsValues()
    {
        Map<String, Object> values = new HashMap<>(Map.of("n", 1));
        TestingTaskSettings settings = settings(values);
        values.put("n", 2);
        values.put("m", 3);
        assertThat(settings.getInt("n", 0)).isEqualTo(1);
        assertThat(settings.keys()).containsExactly("n");
        List<String> returned = settings(Map.of("words", Arrays.asList("a", "b"))).getStringList("words", List.of());
        assertThatThrownBy(() -> returned.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
