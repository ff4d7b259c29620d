package org.ernie4j.runner;

import java.util.Optional;

/**
 * {@code ernie doctor}'s line about the library that runs the matrix products: Intel MKL when the launcher preloaded it
 * ({@code ERNIE_BLAS=mkl}), else the OpenBLAS bundled with ND4J, with the hint that an Intel CPU under Linux x86_64 can
 * run them on MKL, since that is where this project measured MKL ahead (docs/BENCHMARKS.md). No hint on other CPUs: MKL
 * is Intel's library and was not measured elsewhere.
 */
final class ProductsLibraryLine
{
    private ProductsLibraryLine()
    {
    }

    /**
     * @param mklLibrary the preloaded MKL runtime's path, if MKL is loaded
     * @param cpuVendor the CPU's {@code vendor_id} ({@code GenuineIntel}, {@code AuthenticAMD}, ...), if known
     * @param os the {@code os.name} property
     * @param arch the {@code os.arch} property
     */
    static String of(Optional<String> mklLibrary, Optional<String> cpuVendor, String os, String arch)
    {
        if (mklLibrary.isPresent()) {
            return "Intel MKL, " + mklLibrary.get() + " (ERNIE_BLAS=mkl; the OpenBLAS kernels above no longer run the products)";
        }
        boolean mklCanRun = cpuVendor.filter("GenuineIntel"::equals).isPresent() && os.equals("Linux") && arch.equals("amd64");
        return "OpenBLAS, bundled with ND4J" + (mklCanRun
                ? "; on this Intel CPU, ERNIE_BLAS=mkl runs them on Intel MKL instead, faster where measured "
                        + "(docs/BENCHMARKS.md, \"Intel MKL for the products\")"
                : "");
    }
}
