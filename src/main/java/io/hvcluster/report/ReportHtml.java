package io.hvcluster.report;

import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import io.hvcluster.secrets.SecretMasker;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS, no scripts, no fonts or images to fetch) that opens
 * from a USB stick on a server without internet. Every text from a run passes through {@link #text},
 * which masks secrets and then escapes; nothing else is appended unescaped except our own markup.
 */
final class ReportHtml {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final Map<Integer, String> EXIT_MEANING = Map.of(
            0, "succeeded",
            1, "failed or stopped (see the summary)",
            2, "invalid usage or inventory",
            3, "changes pending",
            4, "internal error",
            130, "interrupted (Ctrl-C)");

    private static final String CSS = """
            :root{--fg:#1b1b1b;--muted:#605e5c;--line:#e1dfdd;--bg:#f5f5f5;--card:#fff;--accent:#0f6cbd}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 "Segoe UI",system-ui,-apple-system,"Helvetica Neue",Arial,sans-serif}
            header{background:#1f2a37;color:#fff;padding:18px 28px;display:flex;align-items:center;gap:18px}
            header h1{font-size:20px;font-weight:600;margin:0}
            header .sub{color:#c8d1dc;font-size:13px}
            .pill{margin-left:auto;padding:6px 14px;border-radius:14px;font-weight:600;font-size:13px;white-space:nowrap}
            .pill.ok{background:#107c10}.pill.bad{background:#c42b1c}.pill.pending{background:#8a5a00}
            .simulated{margin:0;padding:8px 24px;background:#5c2d91;color:#fff;font-weight:700;letter-spacing:.04em}
            main{padding:20px 28px;max-width:1400px}
            section{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin-bottom:18px}
            h2{font-size:16px;font-weight:600;margin:0 0 12px}
            h3{font-size:14px;font-weight:600;margin:16px 0 6px}
            .facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:6px 18px}
            .facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:500;word-break:break-all}
            .counts{margin-top:12px;display:flex;gap:8px;flex-wrap:wrap}
            .chip{border-radius:4px;padding:2px 10px;font-size:13px;border:1px solid var(--line)}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
            th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
            table.matrix td.cell{text-align:center;width:130px;border-left:2px solid #fff}
            table.matrix td.cell a{color:inherit;text-decoration:none;display:block}
            td.step .id,.mono{font-family:Consolas,"Cascadia Mono","DejaVu Sans Mono",monospace;font-size:12px}
            td.step .id{color:var(--muted)}
            .dur{display:block;font-size:11px;opacity:.8}
            .changed{background:#deecf9;color:#0b4a8b}
            .unchanged{background:#dff6dd;color:#0e5c0e}
            .failed{background:#fde7e9;color:#a4262c;font-weight:600}
            .not-converged{background:#fff4ce;color:#7a4d00;font-weight:600}
            .skipped{background:#f3f2f1;color:#605e5c}
            .planned{background:#efe6f8;color:#5c2e91}
            .not-run{background:#fff;color:#a19f9d}
            td.none{color:#c8c6c4;text-align:center}
            .legend{margin-top:10px;display:flex;gap:6px;flex-wrap:wrap;font-size:12px}
            .legend span{padding:2px 8px;border-radius:3px;border:1px solid var(--line)}
            .host{margin:8px 0 14px 0;padding-left:12px;border-left:3px solid var(--line)}
            .host.bad{border-left-color:#c42b1c}.host.warn{border-left-color:#c19c00}
            .host .name{font-weight:600}
            ul{margin:4px 0;padding-left:20px}
            li.chg::marker{content:"+ ";color:#0b4a8b;font-weight:700}
            li.fmt{color:#a40000;font-weight:700}
            li.warn::marker{content:"! ";color:#8a5a00;font-weight:700}
            li.err::marker{content:"\\2716  ";color:#a4262c}
            li.err{color:#a4262c}
            .muted{color:var(--muted)}
            .notice-bad td{color:#a4262c}
            a{color:var(--accent)}
            footer{color:var(--muted);font-size:12px;padding:0 28px 24px}
            @media print{body{background:#fff}section{break-inside:avoid}}
            """;

    private final SecretMasker masker;
    private final StringBuilder out = new StringBuilder(32_768);

    private ReportHtml(SecretMasker masker) {
        this.masker = masker;
    }

    static String render(RunReport r, SecretMasker masker) {
        ReportHtml h = new ReportHtml(masker);
        h.page(r);
        return h.out.toString();
    }

    private void page(RunReport r) {
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        raw("<title>").raw(r.simulated() ? "SIMULATED " : "").raw("hvcluster ").text(r.mode()).raw(" – ").text(r.cluster()).raw(" – ").text(r.runId()).raw("</title>\n");
        raw("<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n");
        header(r);
        raw("<main>\n");
        facts(r);
        changeRecord(r);
        preflight(r.preflight());
        if (r.verify() != null) {
            raw(VerifyHtml.section(r.verify(), masker));
        }
        attention(r);
        reboot(r.reboot());
        matrix(r);
        details(r);
        validations(r.validations());
        notices(r.notices());
        scriptHashes(r.change());
        raw("</main>\n<footer>Generated by hvcluster. Times are UTC. Executed scripts and their output are in the ")
                .raw("<span class=\"mono\">scripts</span> folder next to this file; every event is in ")
                .raw("<span class=\"mono\">journal.jsonl</span>.</footer>\n</body>\n</html>\n");
    }

    private void header(RunReport r) {
        String pill = r.exitCode() == 0 ? "ok" : r.exitCode() == 3 ? "pending" : "bad";
        raw("<header><div><h1>Cluster ").text(r.cluster()).raw(" — ").text(r.mode()).raw("</h1>");
        raw("<div class=\"sub\">hvcluster run ").text(r.runId()).raw("</div></div>");
        raw("<div class=\"pill ").raw(pill).raw("\">").text(exitText(r.exitCode())).raw("</div></header>\n");
        if (r.simulated()) {
            raw("<p class=\"simulated\">SIMULATED: this run used hvcluster's simulated hosts; no real host was contacted "
                    + "or changed.</p>\n");
        }
    }

    private void facts(RunReport r) {
        raw("<section><h2>Run</h2><dl class=\"facts\">");
        fact("Cluster", r.cluster());
        fact("Inventory", r.inventory());
        fact("Run id", r.runId());
        fact("Mode", r.mode() + (r.simulated() ? " (SIMULATED hosts)" : ""));
        fact("Started", time(r.startedAt()));
        fact("Duration", r.duration() == null ? "" : DurationText.of(r.duration()));
        fact("Exit status", exitText(r.exitCode()));
        fact("Hosts", String.join(", ", r.hosts()));
        fact("Summary", r.summary());
        if (!r.planSummary().isEmpty()) {
            fact("Plan", r.planSummary());
        }
        raw("</dl><div class=\"counts\">");
        for (String key : RunReport.STATUS_KEYS) {
            int n = r.counts().getOrDefault(key, 0);
            if (n > 0) {
                raw("<span class=\"chip ").raw(key).raw("\">").raw(Integer.toString(n)).raw(" ").text(key.replace('-', ' ')).raw("</span>");
            }
        }
        raw("</div></section>\n");
    }

    /** What a change board asks: who, from where, with what, simulated or not, which hosts restart, and the hashes. */
    private void changeRecord(RunReport r) {
        RunReport.ChangeRecord c = r.change();
        raw("<section id=\"change-record\"><h2>Change record</h2><dl class=\"facts\">");
        fact("hvcluster version", orUnknown(c.origin().toolVersion()));
        fact("Operator", orUnknown(c.origin().osUser()));
        fact("WinRM account", orUnknown(c.origin().winrmAccount()));
        fact("Ran from", orUnknown(c.origin().machine()));
        fact("Simulated", r.simulated() ? "yes: SIMULATED hosts, nothing real was contacted" : "no: real hosts");
        raw("<dt>").text("Inventory SHA-256").raw("</dt><dd class=\"mono\">").text(orUnknown(c.inventorySha256())).raw("</dd>");
        raw("</dl>");
        raw("<h3>Planned restarts</h3>");
        if (c.restarts().isEmpty()) {
            raw("<p class=\"muted\">").text(r.reboot() == null ? "no plan was computed" : "no host restarts in this plan").raw("</p>");
        } else {
            raw("<table><thead><tr><th>Order</th><th>Host</th><th>Step</th><th>How</th></tr></thead><tbody>\n");
            for (RunReport.PlannedRestart x : c.restarts()) {
                raw("<tr><td>").raw(Integer.toString(x.order())).raw("</td><td>").text(x.host()).raw("</td><td>").text(x.title())
                        .raw(" <span class=\"mono muted\">").text(x.stepId()).raw("</span></td><td>")
                        .text(x.strategy().equals("parallel") ? "parallel: all at once" : "rolling: after the host before it is back")
                        .raw("</td></tr>\n");
            }
            raw("</tbody></table>");
        }
        raw("<p class=\"muted\">").text(c.scripts().isEmpty() ? "No script was run or written."
                : c.scripts().size() + " script(s) run or written; their SHA-256 hashes are under ").raw(c.scripts().isEmpty() ? ""
                : "<a href=\"#script-hashes\">Script hashes</a>.").raw("</p>");
        raw("</section>\n");
    }

    /** Every archived script's SHA-256, at the end of the page: long, and read only to compare. */
    private void scriptHashes(RunReport.ChangeRecord c) {
        if (c.scripts().isEmpty()) {
            return;
        }
        raw("<section id=\"script-hashes\"><h2>Script hashes</h2><p class=\"muted\">SHA-256 of each script as archived in this run ")
                .raw("folder (secrets masked): the value <span class=\"mono\">Get-FileHash -Algorithm SHA256</span> prints, in lower case.</p>");
        raw("<table><thead><tr><th>Script</th><th>SHA-256</th></tr></thead><tbody>\n");
        for (RunReport.ScriptHash h : c.scripts()) {
            raw("<tr><td class=\"mono\"><a href=\"").text(h.path()).raw("\">").text(h.path()).raw("</a></td><td class=\"mono\">")
                    .text(h.sha256()).raw("</td></tr>\n");
        }
        raw("</tbody></table></section>\n");
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "unknown" : s;
    }

    private void fact(String label, String value) {
        raw("<dt>").text(label).raw("</dt><dd>").text(value).raw("</dd>");
    }

    private void reboot(RebootDecision d) {
        if (d == null) {
            return;
        }
        raw("<section><h2>Reboot policy</h2><p><strong>").text(name(d.effective())).raw("</strong>");
        if (d.requested() != null && d.requested() != d.effective()) {
            raw(" <span class=\"muted\">(requested: ").text(name(d.requested())).raw(")</span>");
        }
        raw(" — ").text(d.reason()).raw("</p></section>\n");
    }

    private void matrix(RunReport r) {
        raw("<section><h2>Steps by host</h2><table class=\"matrix\"><thead><tr><th>#</th><th>Step</th>");
        for (String host : r.hosts()) {
            raw("<th>").text(host).raw("</th>");
        }
        raw("</tr></thead><tbody>\n");
        int n = 0;
        for (RunReport.StepRow row : r.steps()) {
            raw("<tr><td class=\"muted\">").raw(Integer.toString(++n)).raw("</td><td class=\"step\">").text(row.title())
                    .raw("<br><span class=\"id\">").text(row.stepId()).raw("</span></td>");
            for (String host : r.hosts()) {
                RunReport.Cell c = row.cell(host);
                if (c == null) {
                    raw("<td class=\"none\" title=\"does not run on this host\">–</td>");
                    continue;
                }
                raw("<td class=\"cell ").raw(c.status()).raw("\"><a href=\"#").raw(anchor(row.stepId(), host)).raw("\">")
                        .text(c.status().replace('-', ' '));
                if (showsDuration(c)) {
                    raw("<span class=\"dur\">").text(DurationText.of(c.duration())).raw("</span>");
                }
                raw("</a></td>");
            }
            raw("</tr>\n");
        }
        raw("</tbody></table><div class=\"legend\">");
        for (String key : RunReport.STATUS_KEYS) {
            raw("<span class=\"").raw(key).raw("\">").text(key.replace('-', ' ')).raw("</span>");
        }
        raw("</div></section>\n");
    }

    private void details(RunReport r) {
        raw("<section><h2>Details</h2>");
        for (RunReport.StepRow row : r.steps()) {
            raw("<h3>").text(row.title()).raw(" <span class=\"mono muted\">").text(row.stepId()).raw("</span></h3>\n");
            for (RunReport.Cell c : row.cells()) {
                hostDetail(row.stepId(), c);
            }
        }
        raw("</section>\n");
    }

    private void hostDetail(String stepId, RunReport.Cell c) {
        boolean bad = c.status().equals(StatusLabel.key(StepStatus.FAILED)) || c.status().equals(StatusLabel.key(StepStatus.NOT_CONVERGED));
        boolean warn = c.phases().stream().anyMatch(f -> !f.warnings().isEmpty());
        raw("<div class=\"host").raw(bad ? " bad" : warn ? " warn" : "").raw("\" id=\"").raw(anchor(stepId, c.host())).raw("\">");
        raw("<span class=\"name\">").text(c.host()).raw("</span> <span class=\"chip ").raw(c.status()).raw("\">")
                .text(c.status().replace('-', ' ')).raw("</span>");
        if (showsDuration(c)) {
            raw(" <span class=\"muted\">").text(DurationText.of(c.duration())).raw("</span>");
        }
        if (c.status().equals(StatusLabel.key(StepStatus.SKIPPED))) {
            raw("<div class=\"muted\">not run: a step it depends on did not succeed</div>");
        } else if (c.status().equals(StatusLabel.NOT_RUN)) {
            raw("<div class=\"muted\">not reached: the run ended before this step</div>");
        }
        if (c.phases().isEmpty() && c.planned() != null) {
            // A disk to be formatted stands out: the admin must see which one before confirming.
            items("fmt", c.planned().changes().stream().filter(ch -> ch.action() == io.hvcluster.pipeline.Action.FORMAT)
                    .map(ChangeText::line).toList());
            items("chg", c.planned().changes().stream().filter(ch -> ch.action() != io.hvcluster.pipeline.Action.FORMAT)
                    .map(ChangeText::line).toList());
            items("err", c.planned().problems());
            if (c.planned().inDesiredState()) {
                raw("<div class=\"muted\">in desired state</div>");
            }
        }
        for (RunEvents.StepFinished f : c.phases()) {
            if (c.phases().size() > 1) {
                raw("<div class=\"muted\">phase ").text(f.phase()).raw(": ").text(StatusLabel.words(f.status()))
                        .raw(", ").text(DurationText.of(f.duration())).raw("</div>");
            }
            items("chg", f.changes());
            items("warn", f.warnings());
            if (!f.error().isEmpty()) {
                items("err", List.of(f.error()));
            }
            if (f.changes().isEmpty() && f.warnings().isEmpty() && f.error().isEmpty()
                    && f.status() == StepStatus.UNCHANGED) {
                raw("<div class=\"muted\">in desired state, nothing changed</div>");
            }
            if (!f.scriptFile().isEmpty()) {
                raw("<div class=\"muted\">script <a class=\"mono\" href=\"").text(f.scriptFile()).raw("\">").text(f.scriptFile()).raw("</a>");
                if (f.scriptFile().endsWith(".ps1")) {
                    String outFile = f.scriptFile().substring(0, f.scriptFile().length() - 4) + ".out.txt";
                    raw(" · <a class=\"mono\" href=\"").text(outFile).raw("\">output</a>");
                }
                if (f.exitCode() >= 0) {
                    raw(" · exit code ").raw(Integer.toString(f.exitCode()));
                }
                raw("</div>");
            }
        }
        raw("</div>\n");
    }

    /** Failures, non-convergence and warnings first, each linked to its details: what an admin looks for. */
    private void attention(RunReport r) {
        List<String> entries = new ArrayList<>();
        for (RunReport.StepRow row : r.steps()) {
            for (RunReport.Cell c : row.cells()) {
                for (RunEvents.StepFinished f : c.phases()) {
                    String where = "<a href=\"#" + anchor(row.stepId(), c.host()) + "\">" + esc(c.host()) + " · " + esc(row.title()) + "</a>";
                    if (StatusLabel.isProblem(f.status())) {
                        String why = f.error().isEmpty() ? "" : ": " + esc(f.error());
                        entries.add("<li class=\"err\">" + where + " — " + esc(StatusLabel.words(f.status())) + why + "</li>");
                    }
                    for (String w : f.warnings()) {
                        entries.add("<li class=\"warn\">" + where + " — " + esc(w) + "</li>");
                    }
                }
            }
        }
        for (RunEvents.HostNotice n : r.notices()) {
            if (n.kind().alarming()) {
                entries.add("<li class=\"err\">" + esc(n.host()) + " — " + esc(n.message()) + "</li>");
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        raw("<section><h2>Needs attention</h2><ul>");
        entries.forEach(this::raw);
        raw("</ul></section>\n");
    }

    private static boolean showsDuration(RunReport.Cell c) {
        return !c.phases().isEmpty() && !c.status().equals(StatusLabel.key(StepStatus.SKIPPED));
    }

    private String esc(String s) {
        return HtmlText.escape(masker.mask(s));
    }

    private void items(String cls, List<String> texts) {
        if (texts.isEmpty()) {
            return;
        }
        raw("<ul>");
        for (String t : texts) {
            raw("<li class=\"").raw(cls).raw("\">").text(t).raw("</li>");
        }
        raw("</ul>");
    }

    /** The preflight's findings, each with its fix; what it could not check yet is listed under them. */
    private void preflight(io.hvcluster.preflight.PreflightReport p) {
        if (p == null) {
            return;
        }
        raw("<section><h2>Preflight</h2><p>").text(p.findings().isEmpty() ? "every check passed" : p.summary()).raw("</p>");
        if (!p.findings().isEmpty()) {
            raw("<table><thead><tr><th>Severity</th><th>Host</th><th>Check</th><th>Found</th><th>Expected</th><th>Fix</th></tr></thead><tbody>\n");
            for (io.hvcluster.preflight.Finding f : p.findings()) {
                boolean error = f.severity().label().equals("error");
                raw("<tr").raw(error ? " class=\"notice-bad\"" : "").raw("><td>").text(f.severity().label()).raw("</td><td>").text(f.host())
                        .raw("</td><td class=\"mono\">").text(f.check()).raw("</td><td>").text(f.found()).raw("</td><td>")
                        .text(f.expected()).raw("</td><td>").text(f.fix()).raw("</td></tr>\n");
            }
            raw("</tbody></table>");
        }
        if (!p.skipped().isEmpty()) {
            raw("<details><summary>").text(p.skipped().size() + " check(s) not possible yet").raw("</summary><ul>");
            for (io.hvcluster.preflight.Skipped s : p.skipped()) {
                raw("<li>").text(s.host() + " [" + s.check() + "] " + s.why()).raw("</li>");
            }
            raw("</ul></details>");
        }
        raw("</section>\n");
    }

    private void validations(List<RunReport.Validation> validations) {
        if (validations.isEmpty()) {
            return;
        }
        raw("<section><h2>Cluster validation (Test-Cluster)</h2><table><thead><tr><th>Run on</th><th>Step</th><th>Report</th><th>Result</th></tr></thead><tbody>");
        for (RunReport.Validation v : validations) {
            raw("<tr><td>").text(v.host()).raw("</td><td>").text(v.stepId()).raw("</td><td class=\"mono\">");
            if (v.file().isEmpty()) {
                text(v.report()).raw(" <span class=\"muted\">(on the node only)</span>");
            } else {
                raw("<a href=\"").text(v.file()).raw("\">").text(v.file()).raw("</a><br><span class=\"muted\">")
                        .text("on the node: " + v.report()).raw("</span>");
            }
            raw("</td><td>").text(v.flags().isEmpty() ? "(New-Cluster's report: read it)" : String.join(", ", v.flags())).raw("</td></tr>");
        }
        raw("</tbody></table><p class=\"muted\">Copies of the reports are kept in the run folder's validation/ folder; "
                + "a report too large to copy stays on the node only.</p></section>\n");
    }

    private void notices(List<RunEvents.HostNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        raw("<section><h2>Host notices</h2><table><thead><tr><th>Time</th><th>Host</th><th>Event</th><th>Details</th></tr></thead><tbody>\n");
        for (RunEvents.HostNotice n : notices) {
            boolean bad = n.kind().alarming();
            raw("<tr").raw(bad ? " class=\"notice-bad\"" : "").raw("><td class=\"mono\">").text(time(n.at())).raw("</td><td>")
                    .text(n.host()).raw("</td><td>").text(n.kind().id().replace('-', ' ')).raw("</td><td>").text(n.message()).raw("</td></tr>\n");
        }
        raw("</tbody></table></section>\n");
    }

    private static String exitText(int code) {
        return "exit " + code + " – " + EXIT_MEANING.getOrDefault(code, "unknown");
    }

    private static String name(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Anchors are built from host and step names, which the inventory controls: keep them to safe characters. */
    private static String anchor(String stepId, String host) {
        return "s-" + ScriptArchive.fileSafe(stepId) + "--" + ScriptArchive.fileSafe(host);
    }

    private ReportHtml raw(String markup) {
        out.append(markup);
        return this;
    }

    private ReportHtml text(String s) {
        out.append(esc(s));
        return this;
    }
}
