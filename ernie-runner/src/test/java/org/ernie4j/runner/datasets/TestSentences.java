package org.ernie4j.runner.datasets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSentences
{
    @Test
    void splitsAtSentenceEndsBeforeACapital()
    {
        assertThat(Sentences.split("We have cut the war program. Is that enough? No! \"It is not,\" they said. And so on."))
                .containsExactly("We have cut the war program.", "Is that enough?", "No!", "\"It is not,\" they said.", "And so on.");
    }

    @Test
    void titlesAndInitialsDoNotEndASentence()
    {
        assertThat(Sentences.split("Mr. Speaker, Mr. Vice President, Members of Congress: the U.S. Army and Gen. Marshall. H. R. Smith spoke."))
                .containsExactly("Mr. Speaker, Mr. Vice President, Members of Congress: the U.S. Army and Gen. Marshall.", "H. R. Smith spoke.");
    }

    @Test
    void aFullStopBeforeALowerCaseWordIsNoEnd()
    {
        assertThat(Sentences.split("about 3.5 per cent. of the revenue was spent")).containsExactly("about 3.5 per cent. of the revenue was spent");
    }
}
