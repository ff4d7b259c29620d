package org.ernie4j.runner;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestProductsLibraryLine
{
    @Test
    void anIntelCpuOnOpenBlasIsToldAboutMkl()
    {
        String line = ProductsLibraryLine.of(Optional.empty(), Optional.of("GenuineIntel"), "Linux", "amd64");

        assertThat(line).startsWith("OpenBLAS, bundled with ND4J; on this Intel CPU, ERNIE_BLAS=mkl runs them on Intel MKL");
    }

    @Test
    void otherCpusAndSystemsAreNot()
    {
        assertThat(ProductsLibraryLine.of(Optional.empty(), Optional.of("AuthenticAMD"), "Linux", "amd64")).isEqualTo("OpenBLAS, bundled with ND4J");
        assertThat(ProductsLibraryLine.of(Optional.empty(), Optional.empty(), "Linux", "amd64")).isEqualTo("OpenBLAS, bundled with ND4J");
        assertThat(ProductsLibraryLine.of(Optional.empty(), Optional.of("GenuineIntel"), "Mac OS X", "x86_64")).isEqualTo("OpenBLAS, bundled with ND4J");
    }

    @Test
    void aPreloadedMklIsNamedWithItsPath()
    {
        String line = ProductsLibraryLine.of(Optional.of("/opt/mkl/libmkl_rt.so.2"), Optional.of("GenuineIntel"), "Linux", "amd64");

        assertThat(line).isEqualTo("Intel MKL, /opt/mkl/libmkl_rt.so.2 (ERNIE_BLAS=mkl; the OpenBLAS kernels above no longer run the products)");
    }
}
