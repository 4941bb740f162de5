# hvcluster-step: enable-hyper-v (apply) on HV02
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"feature":"Hyper-V","drain":true,"rebootDelaySeconds":10,"rebootMessage":"hvcluster: restart to enable Hyper-V","waitSeconds":600,"withMultipathIo":false}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'enable-hyper-v'
$HvcPhase = 'apply'

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
$Drain = $true
$RebootDelaySeconds = 10
$RebootMessage = 'hvcluster: restart to enable Hyper-V'
$WaitSeconds = 600

try {
    $state = [string](Get-WindowsFeature -Name $Feature).InstallState
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $HvcResult.data.installStateBefore = $state
    $HvcResult.data.bootTimeBefore = $os.LastBootUpTime.ToUniversalTime().ToString('o')
    $HvcResult.data.rebootScheduled = $false
    if ($state -eq 'Installed') {
        if (Test-HvcPendingReboot) {
            Add-HvcWarning 'a restart is pending for another reason; hvcluster leaves it to you'
        }
        # A run that stopped after the restart but before its check left the node paused: resume it now.
        Resume-HvcPausedNode -WaitSeconds $WaitSeconds
        Complete-HvcStep
    }

    # Never take a second node down: whatever this node's state (a re-run may find it Paused after a drain that
    # failed), refuse while any other node is not Up. Never restart before the drain is Completed.
    $clusSvc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
    if ($Drain -and $clusSvc -and [string]$clusSvc.Status -eq 'Running') {
        $down = @(Get-ClusterNode | Where-Object { $_.Name -ne $env:COMPUTERNAME -and [string]$_.State -ne 'Up' })
        if ($down.Count -gt 0) {
            throw ('node ' + $down[0].Name + ' is ' + [string]$down[0].State + '; refusing to take ' + $env:COMPUTERNAME + ' down as well')
        }
        $me = Get-ClusterNode -Name $env:COMPUTERNAME
        $myState = [string]$me.State
        if ($myState -ne 'Up' -and $myState -ne 'Paused') {
            throw ('node ' + $env:COMPUTERNAME + ' is ' + $myState + '; wait until it is Up, then run again')
        }
        if ($myState -ne 'Paused' -or [string]$me.DrainStatus -ne 'Completed') {
            if (Approve-HvcChange -Target ('cluster node ' + $env:COMPUTERNAME) -Action 'Drain the roles and pause the node') {
                # The mark first: a drain that fails leaves the node Paused, and the next run must know who paused it.
                if ($myState -eq 'Up') {
                    if (-not (Test-Path -LiteralPath $HvcStateKey)) {
                        New-Item -Path $HvcStateKey | Out-Null
                    }
                    New-ItemProperty -LiteralPath $HvcStateKey -Name 'PausedForHyperV' -Value 1 -PropertyType DWord -Force | Out-Null
                }
                Suspend-ClusterNode -Name $env:COMPUTERNAME -Drain -Wait | Out-Null
                $me = Get-ClusterNode -Name $env:COMPUTERNAME
                if ([string]$me.DrainStatus -ne 'Completed') {
                    throw ('draining ' + $env:COMPUTERNAME + ' did not complete (' + [string]$me.DrainStatus + '); move or stop the roles that cannot leave, then run again (the node stays Paused)')
                }
                Add-HvcChange ('drained and paused ' + $env:COMPUTERNAME)
            } else {
                # Not drained: never install and restart under running roles.
                Complete-HvcStep
            }
        }
    }

    if ($state -ne 'InstallPending') {
        if (Approve-HvcChange -Target $env:COMPUTERNAME -Action ('Install Windows feature ' + $Feature + ' with its management tools')) {
            # Without -Restart: the restart is scheduled below, after this script has reported.
            $r = Install-WindowsFeature -Name $Feature -IncludeManagementTools
            $HvcResult.data.exitCode = [string]$r.ExitCode
            if (-not $r.Success) {
                throw ('Install-WindowsFeature ' + $Feature + ' failed: ' + [string]$r.ExitCode + ' (in a VM, nested virtualization must be enabled on its host)')
            }
            Add-HvcChange ('installed ' + $Feature + ' (' + [string]$r.ExitCode + ')')
        } elseif (-not $WhatIfPreference) {
            # Declined under -Confirm: nothing to restart for.
            Complete-HvcStep
        }
    }

    # The restart is a change like any other: -WhatIf announces it, -Confirm asks. An install that -WhatIf skipped
    # still announces the restart it would need.
    if (Approve-HvcChange -Target $env:COMPUTERNAME -Action ('Restart in ' + $RebootDelaySeconds + ' s (shutdown.exe /r) to finish enabling ' + $Feature)) {
        # The System log check after the restart reads from the first of Hyper-V's restarts, not the last boot.
        if (-not (Get-HvcStateValue -Name 'HyperVRestartRequested')) {
            if (-not (Test-Path -LiteralPath $HvcStateKey)) {
                New-Item -Path $HvcStateKey | Out-Null
            }
            New-ItemProperty -LiteralPath $HvcStateKey -Name 'HyperVRestartRequested' -Value ((Get-Date).ToUniversalTime().ToString('o')) -PropertyType String -Force | Out-Null
        }
        # shutdown.exe is a native program: $ErrorActionPreference does not see its exit code, and under 'Stop'
        # its stderr would turn into a terminating error. 1190: a shutdown is already scheduled; 1115: under way.
        $ErrorActionPreference = 'Continue'
        & shutdown.exe /r /t $RebootDelaySeconds /d 'p:2:4' /c $RebootMessage
        $code = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
        if ($code -ne 0 -and $code -ne 1190 -and $code -ne 1115) {
            throw ('shutdown.exe could not schedule the restart (exit code ' + $code + ')')
        }
        $HvcResult.data.rebootScheduled = $true
        Add-HvcChange ('restart scheduled in ' + $RebootDelaySeconds + ' s to finish enabling ' + $Feature)
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

