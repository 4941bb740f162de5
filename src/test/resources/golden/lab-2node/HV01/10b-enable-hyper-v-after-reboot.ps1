# hvcluster-step: enable-hyper-v (after-reboot) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"feature":"Hyper-V","drain":true,"rebootDelaySeconds":10,"rebootMessage":"hvcluster: restart to enable Hyper-V","waitSeconds":600,"withMultipathIo":false}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'enable-hyper-v'
$HvcPhase = 'after-reboot'

try {
    [Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
} catch {
    # A host without a console may refuse; the JSON result is pure ASCII anyway.
    $null = $_
}

# Every script ends by printing this object as one JSON line on stdout (and nothing else on stdout).
$HvcResult = [ordered]@{
    step = $HvcStep
    phase = $HvcPhase
    host = $env:COMPUTERNAME
    changed = $false
    changes = @()
    whatIf = [bool]$WhatIfPreference
    wouldChange = @()
    warnings = @()
    data = [ordered]@{}
    error = $null
}

# Windows PowerShell 5.1's ConvertTo-Json flattens below depth 2 without a word, and WinRM shells run in
# code page 437, so: an explicit depth, and every non-ASCII character escaped as \uXXXX.
function ConvertTo-HvcJson {
    param($InputObject)
    $json = ConvertTo-Json -InputObject $InputObject -Depth 10 -Compress
    [regex]::Replace($json, '[^\x00-\x7F]', {
        param($m)
        '\u{0:x4}' -f [int][char]$m.Value
    })
}

function Add-HvcChange {
    param([string]$Text)
    $HvcResult.changes += $Text
    $HvcResult.changed = $true
    [Console]::Error.WriteLine('changed: ' + $Text)
}

# The one gate before every change: $PSCmdlet.ShouldProcess prints "What if: ..." under -WhatIf and asks under
# -Confirm. A change -WhatIf skips is listed in wouldChange; one the admin declines under -Confirm is a warning.
# $PSCmdlet is the script's own (dynamic scope): this function is deliberately not an advanced function.
function Approve-HvcChange {
    param([string]$Target, [string]$Action)
    if ($PSCmdlet.ShouldProcess($Target, $Action)) {
        return $true
    }
    if ($WhatIfPreference) {
        $HvcResult.wouldChange += ($Action + ': ' + $Target)
    } else {
        Add-HvcWarning ('declined: ' + $Action + ': ' + $Target)
    }
    return $false
}

function Add-HvcWarning {
    param([string]$Text)
    $HvcResult.warnings += $Text
    [Console]::Error.WriteLine('warning: ' + $Text)
}

function Complete-HvcStep {
    Write-Output (ConvertTo-HvcJson $HvcResult)
    exit 0
}

function Stop-HvcStep {
    param($ErrorRecord)
    $HvcResult.error = [string]$ErrorRecord.Exception.Message
    [Console]::Error.WriteLine('error: ' + $HvcResult.error)
    Write-Output (ConvertTo-HvcJson $HvcResult)
    exit 1
}


# The reboot-pending sources ComputerManagementDsc checks (without the ConfigMgr client).
function Test-HvcPendingReboot {
    $cbs = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending'
    $wu = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
    $sm = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager'
    $active = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName').ComputerName
    $pending = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName').ComputerName
    (Test-Path -LiteralPath $cbs) -or (Test-Path -LiteralPath $wu) -or
        ($sm.PendingFileRenameOperations.Length -gt 0) -or ($active -ne $pending)
}

# Where hvcluster remembers that it paused this node, so that only a node it paused is resumed.
$HvcStateKey = 'HKLM:\SOFTWARE\hvcluster'

# One value under $HvcStateKey, or $null.
function Get-HvcStateValue {
    param([string]$Name)
    if (-not (Test-Path -LiteralPath $HvcStateKey)) {
        return $null
    }
    (Get-ItemProperty -LiteralPath $HvcStateKey).$Name
}

# Resumes this node if hvcluster paused it for a restart; a node an admin paused stays paused. Also used when a
# run stopped between the restart and its check: the next run still resumes the node. Right after a boot the node
# is Down or Joining (CLUSTER_NODE_STATE) before it is Paused again: wait for Up or Paused, at most WaitSeconds.
# The mark goes only once the node is no longer Paused, so a failed resume is retried by the next run.
function Resume-HvcPausedNode {
    param([int]$WaitSeconds)
    if ((Get-HvcStateValue -Name 'PausedForHyperV') -ne 1) {
        return
    }
    if (Approve-HvcChange -Target ('cluster node ' + $env:COMPUTERNAME) -Action 'Resume the node hvcluster paused for the restart') {
        $deadline = (Get-Date).AddSeconds($WaitSeconds)
        $state = [string](Get-ClusterNode -Name $env:COMPUTERNAME).State
        while ($state -ne 'Up' -and $state -ne 'Paused') {
            if ((Get-Date) -gt $deadline) {
                throw ('cluster node ' + $env:COMPUTERNAME + ' is still ' + $state + ' after ' + $WaitSeconds + ' s; it stays marked and the next run resumes it')
            }
            Start-Sleep -Seconds 5
            $state = [string](Get-ClusterNode -Name $env:COMPUTERNAME).State
        }
        if ($state -eq 'Paused') {
            Resume-ClusterNode -Name $env:COMPUTERNAME -Failback Immediate | Out-Null
            $state = [string](Get-ClusterNode -Name $env:COMPUTERNAME).State
            if ($state -ne 'Up') {
                throw ('Resume-ClusterNode left ' + $env:COMPUTERNAME + ' ' + $state + '; it stays marked and the next run resumes it')
            }
            Add-HvcChange ('resumed ' + $env:COMPUTERNAME)
            $HvcResult.data.resumedNode = $env:COMPUTERNAME
        }
        Remove-ItemProperty -LiteralPath $HvcStateKey -Name 'PausedForHyperV'
    }
}

$Feature = 'Hyper-V'
$WaitSeconds = 600

try {
    $state = [string](Get-WindowsFeature -Name $Feature).InstallState
    if ($state -ne 'Installed') {
        throw ($Feature + ' is ' + $state + ' after the restart; Windows may need one more restart')
    }
    # WinRM answers before every automatic service has started: wait for vmms, at most WaitSeconds.
    $deadline = (Get-Date).AddSeconds($WaitSeconds)
    $vmms = Get-Service -Name 'vmms' -ErrorAction SilentlyContinue
    while (-not $vmms -or [string]$vmms.Status -ne 'Running') {
        if ((Get-Date) -gt $deadline) {
            throw ('the Hyper-V Virtual Machine Management service (vmms) is not running ' + $WaitSeconds + ' s after WinRM answered')
        }
        Start-Sleep -Seconds 5
        $vmms = Get-Service -Name 'vmms' -ErrorAction SilentlyContinue
    }
    if (Test-HvcPendingReboot) {
        Add-HvcWarning 'another restart is still pending'
    }

    # "Make sure the logs are clean after the reboot": critical and error events of the System log since the
    # first of Hyper-V's restarts (its time is kept under HKLM:\SOFTWARE\hvcluster), else since boot.
    # EventLogReader, not Get-WinEvent, which throws when nothing matches.
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $HvcResult.data.bootTime = $os.LastBootUpTime.ToUniversalTime().ToString('o')
    $since = $os.LastBootUpTime.ToUniversalTime()
    $firstRestart = Get-HvcStateValue -Name 'HyperVRestartRequested'
    if ($firstRestart) {
        $since = [DateTime]::Parse([string]$firstRestart, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind).ToUniversalTime()
    }
    $HvcResult.data.logSince = $since.ToString('o')
    $sinceBootMs = [int64]((Get-Date).ToUniversalTime() - $since).TotalMilliseconds
    $xpath = '*[System[(Level=1 or Level=2) and TimeCreated[timediff(@SystemTime) <= ' + $sinceBootMs + ']]]'
    $query = New-Object -TypeName System.Diagnostics.Eventing.Reader.EventLogQuery -ArgumentList 'System', ([System.Diagnostics.Eventing.Reader.PathType]::LogName), $xpath
    $reader = New-Object -TypeName System.Diagnostics.Eventing.Reader.EventLogReader -ArgumentList $query
    $events = @()
    while ($null -ne ($e = $reader.ReadEvent())) {
        $message = ''
        try {
            $message = ([string]$e.FormatDescription()).Split("`n")[0].Trim()
        } catch {
            $message = '(no message text)'
        }
        $events += [ordered]@{ id = [int]$e.Id; provider = [string]$e.ProviderName; level = [int]$e.Level; message = $message }
    }
    $HvcResult.data.systemErrors = @($events)
    foreach ($ev in $events) {
        Add-HvcWarning ('System log since the restart: ' + $ev.provider + ' event ' + $ev.id + ': ' + $ev.message)
    }
    $hypervisor = @($events | Where-Object { $_.provider -eq 'Microsoft-Windows-Hyper-V-Hypervisor' })
    if ($hypervisor.Count -gt 0) {
        throw ('the hypervisor reported an error at boot (event ' + $hypervisor[0].id + '): check that virtualization is enabled in the firmware')
    }
    # Not every hypervisor that does not start logs an error (hypervisorlaunchtype off in the BCD logs nothing):
    # Win32_ComputerSystem says whether one runs.
    $cs = Get-CimInstance -ClassName Win32_ComputerSystem
    $HvcResult.data.hypervisorPresent = [bool]$cs.HypervisorPresent
    if (-not $cs.HypervisorPresent) {
        throw 'the hypervisor is not running (Win32_ComputerSystem.HypervisorPresent is False): check bcdedit /enum {current} (hypervisorlaunchtype Auto) and virtualization in the firmware'
    }

    # Resume only a node this step paused; a node an admin paused stays paused.
    Resume-HvcPausedNode -WaitSeconds $WaitSeconds
    # Checked: the next Hyper-V restart (if ever) keeps its own time.
    if ($null -ne (Get-HvcStateValue -Name 'HyperVRestartRequested') -and
        (Approve-HvcChange -Target ($HvcStateKey + ' HyperVRestartRequested') -Action 'Forget the time of the checked Hyper-V restart')) {
        Remove-ItemProperty -LiteralPath $HvcStateKey -Name 'HyperVRestartRequested'
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

