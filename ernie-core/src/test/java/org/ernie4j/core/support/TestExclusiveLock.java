package org.ernie4j.core.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestExclusiveLock
{
    @TempDir
    Path directory;

    @Test
    public void aHeldLockIsRefusedUntilReleasedAndNamesItsHolder()
            throws Exception
    {
        Path file = directory.resolve("nested/.target.lock");
        try (ExclusiveLock held = ExclusiveLock.acquire(file, ExclusiveLock.Removal.KEEP, "the target", "wait")) {
            // Refused from this process's table of held locks, before the file is opened again (closing a second
            // descriptor of the file would release the operating system's lock; TestCrashSafety has another process).
            assertThatThrownBy(() -> ExclusiveLock.acquire(file, ExclusiveLock.Removal.KEEP, "the target", "wait"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the target is already in use by this process");
        }
        assertThat(file).as("kept").exists();
        assertThat(Files.readString(file)).isEqualTo("pid " + ProcessHandle.current().pid() + "\n");
        try (ExclusiveLock again = ExclusiveLock.acquire(file, ExclusiveLock.Removal.KEEP, "the target", "wait")) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    public void aLockFileToDeleteIsGoneOnceReleasedAndCanBeTakenAgain()
    {
        Path file = directory.resolve(".target.lock");
        try (ExclusiveLock held = ExclusiveLock.acquire(file, ExclusiveLock.Removal.DELETE, "the target", "wait")) {
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
        try (ExclusiveLock again = ExclusiveLock.acquire(file, ExclusiveLock.Removal.DELETE, "the target", "wait")) {
            assertThat(file).exists();
        }
        assertThat(directory).isEmptyDirectory();
    }
}
