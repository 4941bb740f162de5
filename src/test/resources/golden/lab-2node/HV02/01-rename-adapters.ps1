# hvcluster-step: rename-adapters (apply) on HV02
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"adapters":[{"name":"Parent","mac":"00-15-5D-0A-02-01","currentName":""},{"name":"Cluster","mac":"00-15-5D-0A-02-02","currentName":""},{"name":"iSCSI 1","mac":"00-15-5D-0A-02-03","currentName":""},{"name":"Virtual 1","mac":"","currentName":"Ethernet 4"}]}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'rename-adapters'
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

$Adapters = @(
    [ordered]@{ name = 'Parent'; mac = '00-15-5D-0A-02-01'; currentName = '' }
    [ordered]@{ name = 'Cluster'; mac = '00-15-5D-0A-02-02'; currentName = '' }
    [ordered]@{ name = 'iSCSI 1'; mac = '00-15-5D-0A-02-03'; currentName = '' }
    [ordered]@{ name = 'Virtual 1'; mac = ''; currentName = 'Ethernet 4' }
)

try {
    foreach ($a in $Adapters) {
        if ($a.mac) {
            # One MAC can also appear on a team NIC or, once a switch shares the NIC, on vEthernet (...).
            $own = @(Get-NetAdapter | Where-Object {
                $_.MacAddress -eq $a.mac -and
                $_.InterfaceDescription -notlike 'Hyper-V Virtual Ethernet Adapter*' -and
                $_.InterfaceDescription -notlike 'Microsoft Network Adapter Multiplexor*'
            })
            if ($own.Count -ne 1) {
                throw ("role '" + $a.name + "': expected exactly one physical adapter with MAC " + $a.mac + ', found ' + $own.Count)
            }
        } else {
            $own = @(Get-NetAdapter | Where-Object { $_.Name -eq $a.currentName })
            if ($own.Count -eq 0) {
                # Found by its old name: after the first run it carries the role name instead.
                $own = @(Get-NetAdapter | Where-Object { $_.Name -eq $a.name })
            }
            if ($own.Count -ne 1) {
                throw ("role '" + $a.name + "': no adapter named '" + $a.currentName + "' or '" + $a.name + "'")
            }
        }
        $nic = $own[0]
        # The guard: the target name must not belong to any other adapter, hidden ones included.
        $holder = @(Get-NetAdapter -IncludeHidden | Where-Object { $_.Name -eq $a.name -and $_.ifIndex -ne $nic.ifIndex })
        if ($holder.Count -gt 0) {
            throw ("role '" + $a.name + "': that name already belongs to " + $holder[0].InterfaceDescription + ' [' + $holder[0].MacAddress + ']')
        }
        # -cne: a case-only difference ('cluster' vs 'Cluster') is still renamed.
        if ($nic.Name -cne $a.name) {
            $old = $nic.Name
            if (Approve-HvcChange -Target ("adapter '" + $old + "' [" + $nic.MacAddress + ']') -Action ("Rename to '" + $a.name + "'")) {
                $nic | Rename-NetAdapter -NewName $a.name
                Add-HvcChange ("renamed '" + $old + "' [" + $nic.MacAddress + "] to '" + $a.name + "'")
            }
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

