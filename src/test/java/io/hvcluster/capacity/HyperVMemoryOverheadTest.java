package io.hvcluster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyperVMemoryOverheadTest {

    // 32 MB for the first GB + 8 MB for each additional whole GB, the VM's RAM rounded up to whole GB:
    //   1 GB    -> 32                      = 32 MB
    //   2 GB    -> 32 + 8 × 1              = 40 MB
    //   4 GB    -> 32 + 8 × 3              = 56 MB
    //   8 GB    -> 32 + 8 × 7              = 88 MB
    //   0.5 GB  -> below 1 GB still pays the first GB = 32 MB
    //   12.5 GB -> ⌈12.5⌉ = 13 -> 32 + 8 × 12 = 128 MB
    @ParameterizedTest(name = "{0} GB VM -> {1} MB")
    @CsvSource({"1, 32", "2, 40", "4, 56", "8, 88", "0.5, 32", "12.5, 128"})
    void overheadFollowsTheGuideRule(double memoryGb, double expectedMb) {
        assertThat(HyperVMemoryOverhead.megabytes(memoryGb)).isEqualTo(expectedMb);
        assertThat(HyperVMemoryOverhead.gigabytes(memoryGb)).isEqualTo(expectedMb / 1024.0);
    }

    // 376 GB usable: M ≤ (1024 × 376 − 24) / 1032 = 385000 / 1032 = 373.06 -> 373.
    //   373 GB: 373 + (32 + 8 × 372) / 1024 = 373 + 2.9375 = 375.9375 ≤ 376
    //   374 GB: 374 + (32 + 8 × 373) / 1024 = 374 + 2.9453 = 376.9453 > 376
    // 120 GB usable: (122880 − 24) / 1032 = 119.05 -> 119.  1.5 GB usable: 1.5 − 0.03125 would be a
    // sub-GB VM, but 1 GB + 32 MB = 1.03125 fits, and 2 GB + 40 MB does not: (1536 − 24) / 1032 = 1.47 -> 1.
    @ParameterizedTest(name = "{0} GB usable -> VMs up to {1} GB")
    @CsvSource({"376, 373", "120, 119", "1.5, 1", "1.0, 0.96875", "0.01, 0"})
    void largestVmFittingLeavesRoomForItsOverhead(double availableGb, double expectedGb) {
        double largest = HyperVMemoryOverhead.largestVmFitting(availableGb);

        assertThat(largest).isEqualTo(expectedGb);
        assertThat(largest + (largest > 0 ? HyperVMemoryOverhead.gigabytes(largest) : 0)).isLessThanOrEqualTo(availableGb);
        if (largest >= 1) {
            double oneMore = largest + 1;
            assertThat(oneMore + HyperVMemoryOverhead.gigabytes(oneMore)).isGreaterThan(availableGb);
        }
    }
}
