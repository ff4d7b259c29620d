package org.ernie4j.core.run;

import org.ernie4j.core.PublicApi;

/**
 * What to do with checkpoints already in a run directory.
 */
@PublicApi
public enum ResumeMode
{
    /** Continue from the newest good checkpoint if there is one, else start. Trained state is never thrown away. */
    AUTO,
    /** Start a new run; refuse if the directory already holds checkpoints. */
    FRESH,
    /** Continue from the newest good checkpoint; refuse if there is none. */
    REQUIRED
}
