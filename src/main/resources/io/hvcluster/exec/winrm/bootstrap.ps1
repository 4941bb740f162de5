# hvcluster-bootstrap v2
# Runs one hvcluster script that arrives on stdin. Sent by io.hvcluster.exec.winrm.BootstrapCommand as
#   powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand <base64 UTF-16LE>
# BootstrapCommand drops the comment lines and indentation before encoding: cmd.exe refuses command lines
# over 8191 characters and every character here costs 8/3 of one on the command line. Keep this file ASCII,
# never start a line of code with '#', and do not change the heartbeat line's quoted number by hand:
# BootstrapCommand replaces it with the configured interval in milliseconds (digits only).
#
# Stdin framing (io.hvcluster.exec.bootstrap.BootstrapPayload): lines of base64 of the gzip-compressed UTF-8 JSON
# {"script": "...", "secrets": {"name": "value"}}, then the line #hvcluster-end. It is read line by line up to
# that terminator and never to end of file: OverThere 5.3.2 never signals the end of stdin, so $input or
# reading stdin to its end would wait forever. gzip because OverThere sends stdin 1 KB per WinRS Send (each a
# new connection answered with 401 first); System.IO.Compression.GZipStream is part of .NET Framework since
# 2.0 (System.dll, loaded in every PowerShell), and Stream.CopyTo since 4.0 (docs/transport.md).
#
# Heartbeat: OverThere 5.3.2 does not retry a Receive that the server answers with w:TimedOut (HTTP 500), so
# a script that prints nothing for longer than the OperationTimeout would fail. A second runspace writes the
# line #hvcluster-heartbeat to stderr every interval; the Java side drops those lines. Why a runspace:
# - a System.Threading.Timer whose callback is a PowerShell script block runs on a thread-pool thread that has
#   no runspace, and Windows PowerShell 5.1 then fails ("There is no Runspace available to run scripts in
#   this thread") and can take the process down;
# - Add-Type with a small C# timer works, but compiles with csc.exe on every run (about a second, and it
#   writes to %TEMP%);
# - [PowerShell]::Create() gets its own runspace; BeginInvoke() runs it on its own thread with no compiler,
#   and the script itself stays in this, the main runspace, so 'exit N', $LASTEXITCODE and the error stream
#   behave as in a plain powershell.exe. Console.Error is a synchronized writer, so a heartbeat never splits a
#   line written through [Console]::Error; the Java side also repairs a heartbeat that lands inside a line.
#
# Secrets become the hashtable $HvcSecrets, visible to the script; they are never written to disk, the
# environment or a command line, and the decoded payload variables are removed before the script runs.
# Exit code: the script's 'exit N' ends the process with N (the finally block still stops the heartbeat);
# a terminating error prints the error record as text on stderr and exits 1; otherwise 0, or 1 when $? is
# false after the script (like powershell.exe -Command).
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false } catch { }
$hvcHeartbeatMillis = [int]'15000'
$hvcBeatScript = @'
param($Millis, $Line)
while ($true) {
Start-Sleep -Milliseconds $Millis
[Console]::Error.WriteLine($Line)
}
'@
$hvcHeartbeat = [PowerShell]::Create()
[void]$hvcHeartbeat.AddScript($hvcBeatScript).AddArgument($hvcHeartbeatMillis).AddArgument('#hvcluster-heartbeat')
[void]$hvcHeartbeat.BeginInvoke()
$hvcExit = 1
try {
    $hvcEncoded = New-Object -TypeName System.Text.StringBuilder
    while ($true) {
        $hvcLine = [Console]::In.ReadLine()
        if ($null -eq $hvcLine) { throw 'hvcluster bootstrap: stdin ended before the #hvcluster-end line' }
        $hvcLine = $hvcLine.Trim()
        if ($hvcLine -eq '#hvcluster-end') { break }
        [void]$hvcEncoded.Append($hvcLine)
    }
    $hvcBytes = [Convert]::FromBase64String($hvcEncoded.ToString())
    $hvcZipped = New-Object -TypeName System.IO.MemoryStream -ArgumentList (,$hvcBytes)
    $hvcGunzip = New-Object -TypeName System.IO.Compression.GZipStream -ArgumentList $hvcZipped, ([System.IO.Compression.CompressionMode]::Decompress)
    $hvcJson = New-Object -TypeName System.IO.MemoryStream
    $hvcGunzip.CopyTo($hvcJson)
    $hvcPayload = [System.Text.Encoding]::UTF8.GetString($hvcJson.ToArray()) | ConvertFrom-Json
    $HvcSecrets = @{}
    if ($null -ne $hvcPayload.secrets) {
        foreach ($hvcProperty in $hvcPayload.secrets.PSObject.Properties) { $HvcSecrets[$hvcProperty.Name] = [string]$hvcProperty.Value }
    }
    $hvcScript = [ScriptBlock]::Create([string]$hvcPayload.script)
    Remove-Variable -Name 'hvcPayload', 'hvcEncoded', 'hvcProperty', 'hvcBytes', 'hvcZipped', 'hvcGunzip', 'hvcJson' -ErrorAction SilentlyContinue
    # The script chooses its own preference; do not hand it the bootstrap's 'Stop'.
    $ErrorActionPreference = 'Continue'
    & $hvcScript
    if ($?) { $hvcExit = 0 } else { $hvcExit = 1 }
} catch {
    [Console]::Error.WriteLine(($_ | Out-String))
    $hvcExit = 1
} finally {
    try { $hvcHeartbeat.Stop(); $hvcHeartbeat.Dispose() } catch { }
}
exit $hvcExit
