package io.hvcluster.windows;

import java.util.List;

/**
 * Several cmdlets that together make one change the admin confirms as one (a RAW disk initialized, partitioned and
 * formatted: {@code Initialize-Disk | New-Partition | Format-Volume}), run in this order; the first that fails stops
 * the rest, as it stops the script.
 *
 * @param ops the operations, in order
 */
public record InOrder(List<WindowsOp> ops) implements WindowsOp {

    public InOrder {
        ops = List.copyOf(ops);
    }
}
