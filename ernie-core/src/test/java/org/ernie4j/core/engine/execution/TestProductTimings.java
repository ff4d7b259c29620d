package org.ernie4j.core.engine.execution;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The products benchmark's own logic: every kernel timed on every shape after its result was checked; not its speeds. */
class TestProductTimings
{
    @Test
    void timesEveryKernelOnEveryShapeAfterCheckingItsResult()
    {
        assumeTrue(ProductTimings.packedProductsPossible(), "this machine's vectors are narrower than 8 floats: no packed products");
        // A partial last block of rows and a partial last group of panels, as well as a whole one.
        List<ProductTimings.Shape> shapes = List.of(new ProductTimings.Shape(9, 20, 50), new ProductTimings.Shape(16, 32, 96));

        List<ProductTimings.Timing> timings = ProductTimings.measure(shapes, 3, 0.01, 0.01, true);

        assertThat(timings).extracting(ProductTimings.Timing::kernel)
                .containsExactly(ProductTimings.packedKernel(), ProductTimings.BLAS, ProductTimings.COLD, ProductTimings.packedKernel(),
                        ProductTimings.BLAS, ProductTimings.COLD);
        assertThat(timings).extracting(ProductTimings.Timing::shape)
                .containsExactly(shapes.get(0), shapes.get(0), shapes.get(0), shapes.get(1), shapes.get(1), shapes.get(1));
        assertThat(timings).allSatisfy(timing -> {
            assertThat(timing.slowest()).isPositive();
            assertThat(timing.median()).isBetween(timing.slowest(), timing.fastest());
        });
    }

    @Test
    void refusesEmptyShapesAndRounds()
    {
        assertThatThrownBy(() -> new ProductTimings.Shape(0, 4, 4)).hasMessageContaining("at least one row");
        assumeTrue(ProductTimings.packedProductsPossible(), "this machine's vectors are narrower than 8 floats: no packed products");
        assertThatThrownBy(() -> ProductTimings.measure(List.of(new ProductTimings.Shape(1, 1, 1)), 0, 0.1, 0.1, false))
                .hasMessageContaining("at least one round");
    }
}
