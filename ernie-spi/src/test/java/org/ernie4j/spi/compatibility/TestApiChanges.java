package org.ernie4j.spi.compatibility;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ernie4j.spi.PretrainingTask;
import org.ernie4j.spi.SpiVersion;
import org.ernie4j.spi.TaskSettings;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.HeadSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility check fails on real incompatible changes: shown on records that differ from the SPI's own API by
 * one change each, as a commit that made that change would.
 */
class TestApiChanges
{
    private static final String HOW = "(regenerate)";
    private static final ApiRecord SPI = ApiSignatures.of(1, List.of(PretrainingTask.class, TaskSettings.class, TokenLabels.class, HeadSpec.class,
            SpiVersion.class, ApiFixture.class, ApiFixture.Sealed.class, ApiFixture.Closed.class));
    private static final String GET_INT = "org.ernie4j.spi.TaskSettings#getInt(java.lang.String,int)";

    @Test
    void readsTheShapesThatMatterToAPlugin()
    {
        assertThat(SPI.signatures())
                .containsEntry(GET_INT, "public abstract int (java.lang.String, int)")
                .containsEntry("org.ernie4j.spi.TaskSettings", "public interface implementable")
                .containsEntry("org.ernie4j.spi.example.TokenLabels#IGNORED", "public static final int = -1")
                .containsEntry("org.ernie4j.spi.SpiVersion#MANIFEST_ATTRIBUTE", "public static final java.lang.String = \"Ernie-Spi-Version\"")
                .containsEntry("org.ernie4j.spi.compatibility.ApiFixture", "public abstract class <T extends java.lang.Number> implementable")
                .containsEntry("org.ernie4j.spi.compatibility.ApiFixture#<init>()", "protected")
                .containsEntry("org.ernie4j.spi.compatibility.ApiFixture#values(java.util.List)",
                        "protected final <N extends java.lang.Comparable<N>> java.util.Map<java.lang.String, N> (java.util.List<? extends T>) throws java.io.IOException")
                .containsEntry("org.ernie4j.spi.compatibility.ApiFixture$Sealed",
                        "public static sealed interface permits org.ernie4j.spi.compatibility.ApiFixture$Closed")
                .doesNotContainKey("org.ernie4j.spi.compatibility.ApiFixture#hidden()")
                .doesNotContainKey("org.ernie4j.spi.compatibility.ApiFixture#internal");
        assertThat(SPI.signatures().get("org.ernie4j.spi.head.HeadSpec")).as("sealed, but CustomHead is open").endsWith(" implementable");
    }

    @Test
    void theSameApiPasses()
    {
        assertThat(ApiVerdict.of(SPI, SPI, HOW)).isEmpty();
        assertThat(ApiRecord.parse(SPI.format(List.of("a comment")))).isEqualTo(SPI);
    }

    @Test
    void aRemovedMethodFails()
    {
        // The record has getInt; the SPI of the commit does not.
        ApiRecord current = without(SPI, GET_INT);

        String verdict = ApiVerdict.of(SPI, current, HOW);

        assertThat(verdict).startsWith("Incompatible changes to the SPI within major version 1")
                .contains("- removed: " + GET_INT + " public abstract int (java.lang.String, int)")
                .contains("bump SpiVersion.CURRENT to 2").contains(HOW);
        assertThat(ApiVerdict.mayRegenerate(SPI, current)).as("regenerating does not accept it").isFalse();
    }

    @Test
    void aChangedSignatureFails()
    {
        ApiRecord current = with(SPI, GET_INT, "public abstract long (java.lang.String, int)");
        ApiRecord constant = with(SPI, "org.ernie4j.spi.example.TokenLabels#IGNORED", "public static final int = -100");
        ApiRecord closed = with(SPI, "org.ernie4j.spi.TaskSettings", "public sealed interface permits org.example.Only");

        assertThat(ApiVerdict.of(SPI, current, HOW)).contains("- changed: " + GET_INT + " public abstract int (java.lang.String, int)")
                .contains("now: " + GET_INT + " public abstract long (java.lang.String, int)");
        assertThat(ApiVerdict.of(SPI, constant, HOW)).startsWith("Incompatible").contains("TokenLabels#IGNORED");
        assertThat(ApiVerdict.of(SPI, closed, HOW)).startsWith("Incompatible").contains("changed: org.ernie4j.spi.TaskSettings");
        assertThat(ApiVerdict.mayRegenerate(SPI, current)).isFalse();
    }

    @Test
    void anAbstractMethodAddedToATypePluginsImplementFails()
    {
        String added = "org.ernie4j.spi.PretrainingTask#priority()";
        ApiRecord abstractOne = with(SPI, added, "public abstract int ()");
        ApiRecord defaultOne = with(SPI, added, "public default int ()");
        ApiRecord onAClosedType = with(SPI, "org.ernie4j.spi.compatibility.ApiFixture$Sealed#size()", "public abstract int ()");

        assertThat(ApiVerdict.of(SPI, abstractOne, HOW)).startsWith("Incompatible")
                .contains("- abstract method added to a type plugins implement: " + added);
        assertThat(ApiVerdict.of(SPI, defaultOne, HOW)).as("a default method is compatible, and only needs recording")
                .startsWith("New SPI API that ernie-spi/api/ernie-spi.api does not record yet:")
                .contains("+ " + added + " public default int ()");
        assertThat(ApiVerdict.of(SPI, onAClosedType, HOW)).as("no plugin implements a sealed type with closed subtypes").startsWith("New SPI API");
    }

    @Test
    void newApiFailsUntilRecorded()
    {
        ApiRecord current = with(SPI, "org.ernie4j.spi.TaskSettings#getFloat(java.lang.String,float)", "public default float (java.lang.String, float)");

        assertThat(ApiVerdict.of(SPI, current, HOW)).startsWith("New SPI API").contains(HOW);
        assertThat(ApiVerdict.mayRegenerate(SPI, current)).isTrue();
        assertThat(ApiVerdict.of(current, current, HOW)).as("once regenerated").isEmpty();
    }

    @Test
    void aMajorBumpAllowsTheIncompatibleChangeOnceRecorded()
    {
        ApiRecord bumped = new ApiRecord(2, without(SPI, GET_INT).signatures());

        assertThat(ApiVerdict.mayRegenerate(SPI, bumped)).isTrue();
        assertThat(ApiVerdict.of(SPI, bumped, HOW)).startsWith("SpiVersion.CURRENT is 2 but the API record is of major version 1").contains(HOW);
        assertThat(ApiVerdict.of(bumped, bumped, HOW)).isEmpty();
        assertThat(ApiVerdict.of(bumped, SPI, HOW)).startsWith("SpiVersion.CURRENT is 1, lower than");
    }

    private static ApiRecord without(ApiRecord record, String identity)
    {
        Map<String, String> signatures = new TreeMap<>(record.signatures());
        assertThat(signatures.remove(identity)).as(identity).isNotNull();
        return new ApiRecord(record.major(), new TreeMap<>(signatures));
    }

    private static ApiRecord with(ApiRecord record, String identity, String shape)
    {
        TreeMap<String, String> signatures = new TreeMap<>(record.signatures());
        signatures.put(identity, shape);
        return new ApiRecord(record.major(), signatures);
    }
}
