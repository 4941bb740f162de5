# hvcluster-step: install-failover-clustering (apply) on HV02
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"feature":"Failover-Clustering","includeManagementTools":true}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'install-failover-clustering'
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

$Feature = 'Failover-Clustering'
$IncludeManagementTools = $true

try {
    $f = Get-WindowsFeature -Name $Feature
    if (-not $f) {
        throw ("Windows feature '" + $Feature + "' is not available on this server")
    }
    $HvcResult.data.installStateBefore = [string]$f.InstallState
    if ([string]$f.InstallState -ne 'Installed' -and (Approve-HvcChange -Target $env:COMPUTERNAME -Action ('Install Windows feature ' + $Feature))) {
        # Never -Restart over WinRM: the reboot would kill the command before it reports.
        $r = Install-WindowsFeature -Name $Feature -IncludeManagementTools:$IncludeManagementTools
        $HvcResult.data.exitCode = [string]$r.ExitCode
        $HvcResult.data.restartNeeded = [string]$r.RestartNeeded
        if (-not $r.Success) {
            throw ('Install-WindowsFeature ' + $Feature + ' failed: ' + [string]$r.ExitCode)
        }
        Add-HvcChange ('installed ' + $Feature + ' (' + [string]$r.ExitCode + ')')
        if ([string]$r.RestartNeeded -eq 'Yes') {
            Add-HvcWarning ('Windows asks for a restart after installing ' + $Feature)
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

