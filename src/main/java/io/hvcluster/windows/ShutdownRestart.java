package io.hvcluster.windows;

/**
 * {@code shutdown.exe /r /t <delaySeconds> /d p:2:4 /c <comment>}: a restart scheduled a little later, so the script
 * reports before Windows goes down (Restart-Computer would cut the WinRM command that asked for it).
 *
 * @param delaySeconds the /t value
 * @param comment      the reason logged with the restart (/c)
 * @param why          what the restart finishes, as the script reports it ("to finish enabling Hyper-V")
 */
public record ShutdownRestart(int delaySeconds, String comment, String why) implements WindowsOp {
}
