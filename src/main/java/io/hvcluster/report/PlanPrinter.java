package io.hvcluster.report;

import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.pipeline.StepPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as `hvcluster plan` prints it on stdout: each step in order with its title, under it each host
 * with its changes Terraform-style ({@code +} add, {@code ~} change with {@code before → after}, {@code -} remove,
 * {@code >} run or restart, {@code !!} FORMAT a RAW disk in bold red; see {@link ChangeText}), its problems ({@code !}) or "in desired state"; then the
 * reboot policy and the summary. A plan with nothing to change is one line. Example:
 *
 * <pre>
 * 1. Rename adapters by role (rename-adapters)
 *    HV01  ~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster
 *    HV02  in desired state
 *
 * Reboot policy: rolling (requested: auto) - the cluster already runs roles
 * Plan: 1 to change, 1 in desired state
 * </pre>
 */
public final class PlanPrinter {

    private final StepTitles titles;
    private final Ansi ansi;

    public PlanPrinter(StepTitles titles, boolean color) {
        this.titles = titles;
        this.ansi = new Ansi(color);
    }

    public void print(Plan plan, PrintWriter out) {
        lines(plan).forEach(out::println);
        out.flush();
    }

    List<String> lines(Plan plan) {
        if (plan.toChange() == 0) {
            List<String> hosts = plan.steps().stream().map(StepPlan::host).distinct().toList();
            return List.of(ansi.bold("No changes: " + String.join(", ", hosts) + (hosts.size() == 1 ? " is" : " are")
                    + " in the desired state for every step (" + plan.steps().size() + " checked)."));
        }
        Map<String, List<StepPlan>> byStep = new LinkedHashMap<>();
        for (StepPlan s : plan.steps()) {
            byStep.computeIfAbsent(s.stepId(), k -> new ArrayList<>()).add(s);
        }
        int hostWidth = plan.steps().stream().mapToInt(s -> s.host().length()).max().orElse(0);
        String continuation = " ".repeat(3 + hostWidth + 2);
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String stepId : titles.order(new ArrayList<>(byStep.keySet()))) {
            lines.add(ansi.bold(++n + ". " + titles.title(stepId)) + " (" + stepId + ")");
            for (StepPlan s : byStep.get(stepId)) {
                String first = "   " + pad(s.host(), hostWidth) + "  ";
                if (s.inDesiredState()) {
                    lines.add(first + ansi.dim("in desired state"));
                    continue;
                }
                List<String> items = new ArrayList<>();
                s.changes().forEach(c -> items.add(colour(c.action(), ChangeText.line(c))));
                s.problems().forEach(p -> items.add(ansi.red("! " + p)));
                for (int i = 0; i < items.size(); i++) {
                    lines.add((i == 0 ? first : continuation) + items.get(i));
                }
            }
            lines.add("");
        }
        lines.add(rebootLine(plan.reboot()));
        long problems = plan.steps().stream().mapToLong(s -> s.problems().size()).sum();
        if (problems > 0) {
            // The summary counts a blocked step as "to change"; say plainly that apply cannot converge yet.
            lines.add(ansi.red(problems + (problems == 1 ? " problem (!) blocks" : " problems (!) block") + " the plan: fix "
                    + (problems == 1 ? "it" : "them") + " before apply"));
        }
        lines.add(ansi.bold("Plan: " + plan.summary()));
        return lines;
    }

    private String colour(Action action, String line) {
        return switch (action) {
            case ADD -> ansi.green(line);
            case CHANGE -> ansi.yellow(line);
            case REMOVE -> ansi.red(line);
            case RUN, RESTART -> line;
            case FORMAT -> ansi.bold(ansi.red(line));
        };
    }

    static String rebootLine(RebootDecision d) {
        if (d == null) {
            return "Reboot policy: none";
        }
        String line = "Reboot policy: " + d.effective().cliName();
        if (d.requested() != null && d.requested() != d.effective()) {
            line += " (requested: " + d.requested().cliName() + ")";
        }
        return d.reason() == null || d.reason().isBlank() ? line : line + " - " + d.reason();
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
