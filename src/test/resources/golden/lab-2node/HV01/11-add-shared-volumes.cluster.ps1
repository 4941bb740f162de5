# hvcluster-step: add-shared-volumes (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"volumes":[{"label":"CSV1","serial":"CSV-01-01","uniqueId":""}],"witness":{"label":"Witness","serial":"WITNESS-01","uniqueId":""}}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'add-shared-volumes'
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

$Volumes = @(
    [ordered]@{ label = 'CSV1'; serial = 'CSV-01-01'; uniqueId = '' }
)
$Witness = [ordered]@{ label = 'Witness'; serial = 'WITNESS-01'; uniqueId = '' }

try {
    $HvcResult.data.volumes = @()
    foreach ($v in $Volumes) {
        if ($Witness -and (($v.serial -and $v.serial -eq $Witness.serial) -or ($v.uniqueId -and $v.uniqueId -eq $Witness.uniqueId))) {
            throw ("disk '" + $v.label + "' is the witness disk; a witness never becomes a Cluster Shared Volume")
        }
        $res = Add-HvcClusterDisk -Ref $v
        if (-not $res) {
            # -WhatIf or a declined -Confirm: the disk is not in the cluster, so it cannot become a CSV either.
            if ($WhatIfPreference) {
                $HvcResult.wouldChange += ("Add to Cluster Shared Volumes: disk '" + $v.label + "'")
            }
            continue
        }
        $q = Get-ClusterQuorum
        if ($q.QuorumResource -and [string]$q.QuorumResource.Name -eq $res.Name) {
            throw ("disk '" + $v.label + "' is the quorum witness; a witness never becomes a Cluster Shared Volume")
        }
        $csv = @(Get-ClusterSharedVolume | Where-Object { $_.Name -eq $res.Name })
        if ($csv.Count -eq 0) {
            if (Approve-HvcChange -Target ("cluster disk '" + $res.Name + "'") -Action 'Add to Cluster Shared Volumes') {
                $csv = @(Add-ClusterSharedVolume -Name $res.Name)
                Add-HvcChange ("added '" + $v.label + "' to Cluster Shared Volumes")
            } else {
                continue
            }
        }
        # C:\ClusterStorage\VolumeN: N is sequential, never the label; read it, never build it. An offline CSV
        # has no SharedVolumeInfo at all (indexing it throws "Cannot index into a null array").
        $state = [string]$csv[0].State
        $path = ''
        if ($csv[0].SharedVolumeInfo) {
            $path = [string]@($csv[0].SharedVolumeInfo)[0].FriendlyVolumeName
        }
        $HvcResult.data.volumes += [ordered]@{ label = $v.label; path = $path; state = $state }
        if ($state -ne 'Online') {
            throw ("Cluster Shared Volume '" + $v.label + "' (" + $res.Name + ') is ' + $state + ": bring it online (Start-ClusterResource -Name '" + $res.Name + "'), then run again")
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

