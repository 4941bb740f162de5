package io.hvcluster.capacity;

import static io.hvcluster.capacity.FigureFormat.gb;
import static io.hvcluster.capacity.FigureFormat.hosts;
import static io.hvcluster.capacity.FigureFormat.percent;
import static io.hvcluster.capacity.FigureFormat.plain;
import static io.hvcluster.capacity.FigureFormat.ratio;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The report as text for a terminal: fits in 100 columns for realistic inputs, GB with one decimal,
 * and ends with the verdict line ({@code FITS} or {@code DOES NOT FIT: <reasons>}).
 */
public final class CapacityTable {

    static final int WIDTH = 100;
    private static final int NAME_WIDTH = 16;
    private static final String GROUP_ROW = "%-16s%6s%9s%9s%8s%10s%11s%8s%11s%7s";
    private static final String FIGURE_ROW = "  %-28s%16s%16s%s";
    private static final String FINDING_INDENT = " ".repeat(20);

    private final StringBuilder out = new StringBuilder();

    private CapacityTable() {
    }

    public static String render(CapacityReport report) {
        CapacityTable table = new CapacityTable();
        table.header(report.hosts());
        table.groups(report);
        table.memory(report);
        table.cpu(report);
        table.storage(report.storage());
        table.findings(report);
        table.verdict(report);
        return table.out.toString();
    }

    private void header(CapacityReport.Hosts h) {
        line("Capacity plan: " + hosts(h.count()) + ", failover reserve N+" + h.failoverReserve() + ", "
                + h.usable() + " usable with the reserve down");
        line("Per host: " + gb(h.memoryGb()) + " GB RAM - " + gb(h.parentReserveGb()) + " GB parent reserve = "
                + gb(h.usableMemoryGb()) + " GB usable, " + h.logicalProcessors() + " logical processors");
        line("");
    }

    private void groups(CapacityReport report) {
        if (report.groups().isEmpty()) {
            line("VM groups: none");
            line("");
            return;
        }
        line(String.format(Locale.ROOT, GROUP_ROW, "", "", "RAM/VM", "overhead", "vCPU/VM", "disk/VM",
                "host RAM", "vCPUs", "disk", "more"));
        line(String.format(Locale.ROOT, GROUP_ROW, "VM group", "VMs", "GB", "MB/VM", "", "GB",
                "total GB", "total", "total GB", "fit"));
        for (CapacityReport.Group g : report.groups()) {
            line(String.format(Locale.ROOT, GROUP_ROW, shorten(g.name()), g.count(), plain(g.memoryGbPerVm()),
                    plain(g.overheadMbPerVm()), g.vcpusPerVm(), gb(g.diskGbPerVm()), gb(g.totalHostRamGb()),
                    g.totalVcpus(), gb(g.totalDiskGb()), g.additionalVmsThatFit()));
        }
        long vms = report.groups().stream().mapToLong(CapacityReport.Group::count).sum();
        line(String.format(Locale.ROOT, GROUP_ROW, "total", vms, "", "", "", "", gb(report.memory().demandGb()),
                report.cpu().vcpus(), gb(report.storage().vmDisksGb()), ""));
        line("");
    }

    private void memory(CapacityReport report) {
        CapacityReport.Memory m = report.memory();
        CapacityReport.Hosts h = report.hosts();
        figureHeader("MEMORY (GB)", h);
        line("  demand = " + gb(m.vmMemoryGb()) + " VM RAM + " + gb(m.overheadGb()) + " Hyper-V overhead");
        figure("demand", gb(m.demandGb()), gb(m.demandGb()), "");
        figure("usable RAM", gb(m.supplyAllHostsGb()), gb(m.supplyReserveDownGb()), "");
        figure("utilisation", or(m.utilisationAllHostsPercent(), FigureFormat::percent),
                or(m.utilisationReserveDownPercent(), FigureFormat::percent),
                "  (warning above " + percent(m.warningPercent()) + ")");
        figure("headroom", "", gb(m.headroomGb()), "  (" + or(m.headroomPercent(), FigureFormat::percent) + ")");
        CapacityReport.Growth growth = report.growth();
        growth.largestGroup().ifPresent(name ->
                figure("more '" + shorten(name) + "' VMs that fit", "", Long.toString(growth.additionalVms()), ""));
        line("");
    }

    private void cpu(CapacityReport report) {
        CapacityReport.Cpu c = report.cpu();
        figureHeader("CPU", report.hosts());
        figure("vCPUs", Long.toString(c.vcpus()), Long.toString(c.vcpus()), "");
        figure("logical processors", Long.toString(c.logicalProcessorsAllHosts()),
                Long.toString(c.logicalProcessorsReserveDown()), "");
        figure("vCPU : LP ratio", or(c.ratioAllHosts(), FigureFormat::ratio), or(c.ratioReserveDown(), FigureFormat::ratio),
                "  (limit " + ratio(c.maxRatio()) + ", warning above " + ratio(c.warningRatio()) + ")");
        line("");
    }

    private void storage(CapacityReport.Storage s) {
        line("SAN (GB)");
        figure("VM disks", "", gb(s.vmDisksGb()), "");
        figure("VM RAM on disk (.bin/.vsv)", "", gb(s.vmMemoryGb()), "");
        figure("ISO/template library", "", gb(s.isoLibraryGb()), "");
        figure("subtotal", "", gb(s.subtotalGb()), "");
        figure("free space (" + percent(s.freeSpacePercent()) + " of total)", "", gb(s.freeSpaceGb()), "");
        figure("total to provision", "", gb(s.totalGb()), "  = subtotal / (1 - free%)");
        line("");
    }

    private void findings(CapacityReport report) {
        if (report.findings().isEmpty()) {
            return;
        }
        line("FINDINGS");
        for (Finding f : report.findings()) {
            String area = f.area().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String lead = String.format(Locale.ROOT, "  %-8s %-9s", f.severity(), area);
            wrap(lead, f.message());
            wrap(FINDING_INDENT, "fix: " + f.fix());
        }
        line("");
    }

    /** One line when it fits in WIDTH; longer reasons wrap under the first, which always starts with the verdict. */
    private void verdict(CapacityReport report) {
        String verdict = report.verdict();
        int colon = verdict.indexOf(": ");
        if (colon < 0) {
            line(verdict);
        } else {
            wrap(verdict.substring(0, colon + 2), verdict.substring(colon + 2));
        }
    }

    private void figureHeader(String title, CapacityReport.Hosts h) {
        String down = h.failoverReserve() == 0 ? "(no reserve)" : hosts(h.failoverReserve()) + " down";
        line(String.format(Locale.ROOT, "%-30s%16s%16s", title, "all " + hosts(h.count()) + " up", down));
    }

    private void figure(String label, String allUp, String reserveDown, String note) {
        line(String.format(Locale.ROOT, FIGURE_ROW, label, allUp, reserveDown, note));
    }

    /** Breaks text at spaces so that no line passes WIDTH; the first line starts with lead, the rest are indented. */
    private void wrap(String lead, String text) {
        String indent = " ".repeat(lead.length());
        StringBuilder current = new StringBuilder(lead);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && current.length() + 1 + word.length() > WIDTH) {
                line(current.toString());
                current = new StringBuilder(indent);
                empty = true;
            }
            current.append(empty ? "" : " ").append(word);
            empty = false;
        }
        line(current.toString());
    }

    private void line(String text) {
        out.append(text.stripTrailing()).append('\n');
    }

    private static String shorten(String name) {
        return name.length() <= NAME_WIDTH - 1 ? name : name.substring(0, NAME_WIDTH - 3) + "..";
    }

    private static String or(OptionalDouble value, DoubleFunction<String> format) {
        return value.isPresent() ? format.apply(value.getAsDouble()) : "n/a";
    }
}
