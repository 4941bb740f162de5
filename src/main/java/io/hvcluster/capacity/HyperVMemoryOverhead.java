package io.hvcluster.capacity;

/**
 * The RAM Hyper-V itself needs on the host for each running VM, beyond the VM's own memory.
 *
 * <p>The guide this product follows: "up to 32 MB for the first GB of RAM and 8 MB for each
 * additional GB". A started GB counts as a whole one (we round the VM's memory up to whole GB),
 * because the rule is an upper bound and an undersized plan fails at failover time, not now.
 * A VM below 1 GB still pays the full 32 MB of the first GB.
 */
public final class HyperVMemoryOverhead {

    static final double FIRST_GB_MB = 32.0;
    static final double EACH_ADDITIONAL_GB_MB = 8.0;
    static final double MB_PER_GB = 1024.0;

    private HyperVMemoryOverhead() {
    }

    /** Overhead in MB for one VM with {@code memoryGb} of RAM: 32 + 8 × (⌈memoryGb⌉ − 1), at least 32. */
    public static double megabytes(double memoryGb) {
        double wholeGb = Math.max(1.0, Math.ceil(memoryGb));
        return FIRST_GB_MB + EACH_ADDITIONAL_GB_MB * (wholeGb - 1.0);
    }

    /** The same overhead in GB (1 GB = 1024 MB). */
    public static double gigabytes(double memoryGb) {
        return megabytes(memoryGb) / MB_PER_GB;
    }

    /**
     * The largest whole number of GB a VM may be given so that it, plus its overhead, still fits in
     * {@code availableGb}. For M ≥ 1: M + (24 + 8M)/1024 ≤ A, so M ≤ (1024A − 24) / 1032.
     * Returns a fraction below 1 GB when only a small VM fits, and 0 when none does.
     */
    static double largestVmFitting(double availableGb) {
        double firstGbOnly = 1.0 + FIRST_GB_MB / MB_PER_GB;
        if (availableGb >= firstGbOnly) {
            return Math.floor((MB_PER_GB * availableGb - (FIRST_GB_MB - EACH_ADDITIONAL_GB_MB))
                    / (MB_PER_GB + EACH_ADDITIONAL_GB_MB));
        }
        return Math.max(0.0, availableGb - FIRST_GB_MB / MB_PER_GB);
    }
}
