# hvcluster-step: configure-cluster-networks (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"networks":[{"name":"Parent","address":"10.0.0.0","mask":"255.255.255.0","role":3},{"name":"Cluster","address":"10.10.1.0","mask":"255.255.255.0","role":1},{"name":"iSCSI 1","address":"10.20.1.0","mask":"255.255.255.0","role":0}],"migrationOrder":["Cluster"],"migrationExcluded":["Parent","iSCSI 1"]}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'configure-cluster-networks'
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

$Networks = @(
    [ordered]@{ name = 'Parent'; address = '10.0.0.0'; mask = '255.255.255.0'; role = 3 }
    [ordered]@{ name = 'Cluster'; address = '10.10.1.0'; mask = '255.255.255.0'; role = 1 }
    [ordered]@{ name = 'iSCSI 1'; address = '10.20.1.0'; mask = '255.255.255.0'; role = 0 }
)
$MigrationOrder = @('Cluster')
$MigrationExcluded = @('Parent', 'iSCSI 1')

try {
    $seen = @()
    $strayIds = @()
    $strayNames = @()
    foreach ($n in @(Get-ClusterNetwork)) {
        $want = @($Networks | Where-Object { $_.address -eq [string]$n.Address -and $_.mask -eq [string]$n.AddressMask })
        if ($want.Count -eq 0) {
            # A stray network (a NIC or host vNIC the inventory does not address): the cluster enables every
            # network it discovers for cluster use. Role None keeps heartbeats and CSV traffic off it, and live
            # migration excludes it.
            Add-HvcWarning ("cluster network '" + $n.Name + "' (" + [string]$n.Address + '/' + [string]$n.AddressMask + ') matches no network of the inventory: a stray network, set to role None (0) and excluded from live migration')
            $strayIds += [string]$n.Id
            $strayNames += [string]$n.Name
            if ([int]$n.Role -ne 0) {
                if (Approve-HvcChange -Target ("cluster network '" + $n.Name + "'") -Action 'Set role 0 (None)') {
                    $n.Role = 0
                    Add-HvcChange ("set the role of stray cluster network '" + $n.Name + "' to 0")
                }
            }
            continue
        }
        $w = $want[0]
        $seen += $w.name
        if ($n.Name -cne $w.name) {
            $old = $n.Name
            if (Approve-HvcChange -Target ("cluster network '" + $old + "'") -Action ("Rename to '" + $w.name + "'")) {
                $n.Name = $w.name
                Add-HvcChange ("renamed cluster network '" + $old + "' to '" + $w.name + "'")
            }
        }
        # Role: 0 none, 1 cluster only, 3 cluster and client (an enum on 2016+, a number before).
        if ([int]$n.Role -ne $w.role) {
            if (Approve-HvcChange -Target ("cluster network '" + $n.Name + "'") -Action ('Set role ' + $w.role)) {
                $n.Role = $w.role
                Add-HvcChange ("set the role of cluster network '" + $w.name + "' to " + $w.role)
            }
        }
    }
    foreach ($w in $Networks) {
        if ($seen -notcontains $w.name) {
            Add-HvcWarning ("no cluster network for '" + $w.name + "' (" + $w.address + '/' + $w.mask + '): are its adapters up and addressed on every node?')
        }
    }

    # Live migration of clustered VMs is a cluster setting on the 'Virtual Machine' resource type: network
    # Ids, ';'-separated. Ids change when a network is re-created, so they are looked up now.
    $ids = @{}
    foreach ($n in @(Get-ClusterNetwork)) {
        $ids[[string]$n.Name] = [string]$n.Id
    }
    $vmType = @(Get-ClusterResourceType | Where-Object { $_.Name -eq 'Virtual Machine' })
    if ($vmType.Count -eq 0) {
        Add-HvcWarning "the cluster has no 'Virtual Machine' resource type yet; live-migration networks not set"
        Complete-HvcStep
    }
    $order = (@($MigrationOrder | Where-Object { $ids.ContainsKey($_) } | ForEach-Object { $ids[$_] })) -join ';'
    $excluded = (@($MigrationExcluded | Where-Object { $ids.ContainsKey($_) } | ForEach-Object { $ids[$_] }) + $strayIds) -join ';'
    $currentOrder = [string](Get-ClusterParameter -InputObject $vmType[0] -Name 'MigrationNetworkOrder').Value
    if ($currentOrder -ne $order) {
        if (Approve-HvcChange -Target "cluster resource type 'Virtual Machine'" -Action ('Set MigrationNetworkOrder: ' + ($MigrationOrder -join ', '))) {
            Set-ClusterParameter -InputObject $vmType[0] -Name 'MigrationNetworkOrder' -Value $order
            Add-HvcChange ('live migration uses, in order: ' + ($MigrationOrder -join ', '))
        }
    }
    $currentExcluded = [string](Get-ClusterParameter -InputObject $vmType[0] -Name 'MigrationExcludeNetworks').Value
    if ($currentExcluded -ne $excluded) {
        if (Approve-HvcChange -Target "cluster resource type 'Virtual Machine'" -Action ('Set MigrationExcludeNetworks: ' + ((@($MigrationExcluded) + $strayNames) -join ', '))) {
            Set-ClusterParameter -InputObject $vmType[0] -Name 'MigrationExcludeNetworks' -Value $excluded
            Add-HvcChange ('live migration excludes: ' + ((@($MigrationExcluded) + $strayNames) -join ', '))
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

