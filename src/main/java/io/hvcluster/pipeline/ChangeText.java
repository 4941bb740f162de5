package io.hvcluster.pipeline;

/**
 * A planned change in words, Terraform-style, for the writers (console, report, runbook, run log):
 * <pre>
 * + IPv4 address on 'Cluster': 10.0.1.11/24
 * ~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster
 * - DNS servers on 'Cluster': 10.0.0.10
 * &gt; run Test-Cluster: HV01, HV02 (Inventory, Network)
 * &gt; restart HV01: to finish installing Hyper-V
 * !! FORMAT disk 'CSV1' (serial CSV-01, 2048 GB, RAW): GPT, one partition, NTFS volume 'CSV1'
 * </pre>
 */
public final class ChangeText {

    private ChangeText() {
    }

    /** The symbol a change is printed with. */
    public static String symbol(Action action) {
        return switch (action) {
            case ADD -> "+";
            case CHANGE -> "~";
            case REMOVE -> "-";
            case RUN, RESTART -> ">";
            case FORMAT -> "!!";
        };
    }

    /** The change without its symbol. */
    public static String text(Change c) {
        return switch (c.action()) {
            case ADD -> c.object() + detail(c.after());
            case CHANGE -> c.object() + ": " + (c.before().isEmpty() ? "(not set)" : c.before()) + " → " + c.after();
            case REMOVE -> c.object() + detail(c.before());
            case RUN -> "run " + c.object() + detail(c.after());
            case RESTART -> "restart " + c.object() + detail(c.after());
            case FORMAT -> "FORMAT " + c.object() + detail(c.after());
        };
    }

    /** The change with its symbol: one line of a plan. */
    public static String line(Change c) {
        return symbol(c.action()) + " " + text(c);
    }

    private static String detail(String value) {
        return value.isEmpty() ? "" : ": " + value;
    }
}
