# hvcluster-step: configure-quorum (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"witness":{"label":"Witness","serial":"WITNESS-01","uniqueId":""},"diskWitness":true}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'configure-quorum'
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


# Disks are found by serial number and/or unique id (device data every node reads), never by number or
# label: numbers change between reboots and labels read only on the owner node.
function Find-HvcDisk {
    param($Ref)
    $found = @(Get-Disk | Where-Object {
        (-not $Ref.serial -or ([string]$_.SerialNumber).Trim() -eq $Ref.serial) -and
        (-not $Ref.uniqueId -or [string]$_.UniqueId -eq $Ref.uniqueId)
    })
    if ($found.Count -ne 1) {
        throw ("disk '" + $Ref.label + "' (serial '" + $Ref.serial + "', unique id '" + $Ref.uniqueId + "'): expected exactly one on " + $env:COMPUTERNAME + ', found ' + $found.Count)
    }
    $found[0]
}

# A Physical Disk resource carries DiskIdGuid (GPT) or DiskSignature (MBR); the disk's Guid or Signature keys it.
function Get-HvcDiskResource {
    param($Disk)
    $guid = ([string]$Disk.Guid).Trim('{}')
    $signature = [string]$Disk.Signature
    if (-not $guid -and -not $signature) {
        throw ('disk ' + [string]$Disk.SerialNumber + ' shows neither a GPT GUID nor an MBR signature on ' + $env:COMPUTERNAME + '; run the step on the node that owns it')
    }
    @(Get-ClusterResource | Where-Object { [string]$_.ResourceType -eq 'Physical Disk' } | Where-Object {
        if ($guid) {
            $p = Get-ClusterParameter -InputObject $_ -Name 'DiskIdGuid' -ErrorAction SilentlyContinue
            $p -and ([string]$p.Value).Trim('{}') -eq $guid
        } else {
            $p = Get-ClusterParameter -InputObject $_ -Name 'DiskSignature' -ErrorAction SilentlyContinue
            $p -and [uint32]$p.Value -eq [uint32]$Disk.Signature
        }
    })
}

# The disk's cluster resource, added to the cluster and named after the inventory's label if needed; $null when
# -WhatIf (or the admin, under -Confirm) kept it out of the cluster.
function Add-HvcClusterDisk {
    param($Ref)
    $disk = Find-HvcDisk -Ref $Ref
    $res = @(Get-HvcDiskResource -Disk $disk)
    if ($res.Count -eq 0) {
        if (Approve-HvcChange -Target ("disk '" + $Ref.label + "' (serial '" + $Ref.serial + "')") -Action 'Add to the cluster') {
            $res = @(Get-ClusterAvailableDisk -Disk $disk | Add-ClusterDisk)
            if ($res.Count -ne 1) {
                throw ("disk '" + $Ref.label + "' is not available to the cluster: it must be a basic disk that every node sees and that is not in use")
            }
            Add-HvcChange ("added disk '" + $Ref.label + "' to the cluster as '" + $res[0].Name + "'")
        } else {
            return $null
        }
    }
    if ($res[0].Name -cne $Ref.label) {
        $old = $res[0].Name
        if (Approve-HvcChange -Target ("cluster resource '" + $old + "'") -Action ("Rename to '" + $Ref.label + "'")) {
            $res[0].Name = $Ref.label
            Add-HvcChange ("renamed cluster resource '" + $old + "' to '" + $Ref.label + "'")
        }
    }
    $res[0]
}

$Witness = [ordered]@{ label = 'Witness'; serial = 'WITNESS-01'; uniqueId = '' }
$DiskWitness = $true

try {
    if ($Witness) {
        # Added and labelled even for node majority, as the guide advises: the cluster may grow.
        $res = Add-HvcClusterDisk -Ref $Witness
        $csv = @()
        if ($res) {
            $csv = @(Get-ClusterSharedVolume | Where-Object { $_.Name -eq $res.Name })
        }
        if ($csv.Count -gt 0) {
            throw ("the witness disk '" + $Witness.label + "' is a Cluster Shared Volume; a witness must be a dedicated disk")
        }
    }
    $q = Get-ClusterQuorum
    $current = ''
    if ($q.QuorumResource) {
        $current = [string]$q.QuorumResource.Name
    }
    if ($DiskWitness) {
        if ($current -ne $Witness.label -and (Approve-HvcChange -Target 'cluster quorum' -Action ("Set node and disk majority with witness '" + $Witness.label + "'"))) {
            Set-ClusterQuorum -DiskWitness $Witness.label | Out-Null
            Add-HvcChange ("quorum set to node and disk majority with witness '" + $Witness.label + "'")
        }
    } elseif ($current -and (Approve-HvcChange -Target 'cluster quorum' -Action ("Set node majority (release witness '" + $current + "')"))) {
        Set-ClusterQuorum -NoWitness | Out-Null
        Add-HvcChange ("quorum set to node majority (witness '" + $current + "' released)")
    }
    $after = Get-ClusterQuorum
    $HvcResult.data.quorumResource = ''
    if ($after.QuorumResource) {
        $HvcResult.data.quorumResource = [string]$after.QuorumResource.Name
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

