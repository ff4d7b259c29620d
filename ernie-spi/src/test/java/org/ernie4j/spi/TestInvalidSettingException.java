package org.ernie4j.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInvalidSettingException
{
    @Test
    void namesThePathFirst()
    {
        InvalidSettingException exception = new InvalidSettingException("tasks.knowledge-masking.masking-rate", "must be at most 1");
        assertThat(exception).hasMessage("tasks.knowledge-masking.masking-rate: must be at most 1")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(exception.path()).isEqualTo("tasks.knowledge-masking.masking-rate");
    }

    @Test
    void rejectsNulls()
    {
        assertThatThrownBy(() -> new InvalidSettingException(null, "x")).hasMessage("path is null");
        assertThatThrownBy(() -> new InvalidSettingException("x", null)).hasMessage("problem is null");
    }
}
