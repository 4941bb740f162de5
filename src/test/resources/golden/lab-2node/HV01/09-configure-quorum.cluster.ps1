# hvcluster-step: configure-quorum (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"witness":{"label":"Witness","serial":"WITNESS-01","uniqueId":""},"kind":"disk","useWitness":true,"fileShare":"","cloudAccount":"","cloudEndpoint":""}

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


# The disks this node sees itself. On a cluster node the Storage cmdlets work at cluster level and Get-Disk
# also lists the other nodes' disks, without a Number (Get-Disk docs; community.windows keeps the disks with a
# Number): without this filter a LUN shows up once per node. The facts probe uses the same function.
function Get-HvcLocalDisk {
    @(Get-Disk | Where-Object { $null -ne $_.Number })
}

# Disks are found by serial number and/or unique id (device data every node reads), never by number or
# label: numbers change between reboots and labels read only on the owner node.
function Find-HvcDisk {
    param($Ref)
    $found = @(Get-HvcLocalDisk | Where-Object {
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
        # A RAW disk has no partition table, so no GUID and no signature: prepare-shared-disks initializes it.
        throw ('disk ' + ([string]$Disk.SerialNumber).Trim() + ' is not initialized (partition style ' + [string]$Disk.PartitionStyle + ') on ' + $env:COMPUTERNAME + '; run the prepare-shared-disks step first (hvcluster apply runs it before validation)')
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
$Kind = 'disk'
$UseWitness = $true
$FileShare = ''
$CloudAccount = ''
$CloudEndpoint = ''

# Microsoft recommends a witness on every cluster since Windows Server 2012 R2 (dynamic witness): the inventory's
# witness is configured whenever it defines one. A witness it does not describe is never removed, only reported.
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
    $type = ''
    $target = ''
    if ($q.QuorumResource) {
        $current = [string]$q.QuorumResource.Name
        $type = [string]$q.QuorumResource.ResourceType
        if ($type -eq 'File Share Witness') {
            $target = [string](Get-ClusterParameter -InputObject $q.QuorumResource -Name 'SharePath').Value
        } elseif ($type -eq 'Cloud Witness') {
            $target = [string](Get-ClusterParameter -InputObject $q.QuorumResource -Name 'AccountName').Value
        } else {
            $target = $current
        }
    }
    $now = 'none'
    if ($current) {
        $now = "'" + $current + "' (" + $type + ', ' + $target + ')'
    }
    # The cloud witness is compared by account: its key cannot be read back (the cluster keeps it encrypted).
    $described = $false
    if ($current) {
        if ($Kind -eq 'disk') {
            $described = ($type -eq 'Physical Disk' -and $current -eq $Witness.label)
        } elseif ($Kind -eq 'fileShare') {
            $described = ($type -eq 'File Share Witness' -and $target -eq $FileShare)
        } elseif ($Kind -eq 'cloud') {
            $described = ($type -eq 'Cloud Witness' -and $target -eq $CloudAccount)
        }
    }
    if ($UseWitness) {
        if (-not $described) {
            if ($Kind -eq 'disk') {
                if (Approve-HvcChange -Target 'cluster quorum' -Action ("Set disk witness '" + $Witness.label + "' (was " + $now + ')')) {
                    Set-ClusterQuorum -DiskWitness $Witness.label | Out-Null
                    Add-HvcChange ("quorum witness set to disk '" + $Witness.label + "' (was " + $now + ')')
                }
            } elseif ($Kind -eq 'fileShare') {
                if (Approve-HvcChange -Target 'cluster quorum' -Action ('Set file share witness ' + $FileShare + ' (was ' + $now + ')')) {
                    Set-ClusterQuorum -FileShareWitness $FileShare | Out-Null
                    Add-HvcChange ('quorum witness set to file share ' + $FileShare + ' (was ' + $now + ')')
                }
            } elseif ($Kind -eq 'cloud') {
                # The access key comes only from $HvcSecrets, which hvcluster's executor fills over stdin; it is never
                # written into a script, a file or a message.
                $secrets = Get-Variable -Name 'HvcSecrets' -ValueOnly -ErrorAction SilentlyContinue
                if (-not $secrets -or -not $secrets.ContainsKey('cloudWitnessKey')) {
                    throw ('no access key for the cloud witness on storage account ' + $CloudAccount + ': hvcluster delivers it from the environment variable the inventory names')
                }
                if (Approve-HvcChange -Target 'cluster quorum' -Action ('Set cloud witness on storage account ' + $CloudAccount + ' (was ' + $now + ')')) {
                    Set-ClusterQuorum -CloudWitness -AccountName $CloudAccount -AccessKey $secrets['cloudWitnessKey'] -Endpoint $CloudEndpoint | Out-Null
                    Add-HvcChange ('quorum witness set to the cloud witness on storage account ' + $CloudAccount + ' (was ' + $now + ')')
                }
            }
        }
    } elseif ($current) {
        if ($described) {
            # Node majority written in the inventory: only the inventory's own witness is released.
            if (Approve-HvcChange -Target 'cluster quorum' -Action ("Set node majority (release witness '" + $current + "')")) {
                Set-ClusterQuorum -NoWitness | Out-Null
                Add-HvcChange ("quorum set to node majority (witness '" + $current + "' released)")
            }
        } else {
            Add-HvcWarning ('the cluster has the witness ' + $now + ', which the inventory does not describe: left in place (Microsoft recommends a witness; describe it in the inventory, or remove it by hand with Set-ClusterQuorum -NoWitness)')
        }
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

