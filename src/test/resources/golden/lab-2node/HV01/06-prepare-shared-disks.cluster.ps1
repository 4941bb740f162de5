# hvcluster-step: prepare-shared-disks (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"disks":[{"label":"Witness","serial":"WITNESS-01","uniqueId":"","fileSystem":"NTFS","csv":false},{"label":"CSV1","serial":"CSV-01-01","uniqueId":"","fileSystem":"NTFS","csv":true}]}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'prepare-shared-disks'
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

$Disks = @(
    [ordered]@{ label = 'Witness'; serial = 'WITNESS-01'; uniqueId = ''; fileSystem = 'NTFS'; csv = $false }
    [ordered]@{ label = 'CSV1'; serial = 'CSV-01-01'; uniqueId = ''; fileSystem = 'NTFS'; csv = $true }
)

# Only a RAW disk (no partition table: a new LUN, nothing on it) is initialized and formatted; a GPT disk with
# only the Microsoft Reserved partition (Initialize-Disk creates it; a run stopped half-way) gets its partition.
# A disk with any other partition is never modified. Clear-Disk un-initializes a disk: it is a fix only the admin
# runs, never this script.
function Get-HvcDiskName {
    param($Ref, $Disk)
    $size = [int64]$Disk.Size
    $gib = [int64]1073741824
    $shown = if ($size -ge $gib) { [string][math]::Round($size / $gib) + ' GB' } else { [string][math]::Floor($size / 1048576) + ' MB' }
    "disk '" + $Ref.label + "' (serial " + ([string]$Disk.SerialNumber).Trim() + ', ' + $shown + ')'
}

function Get-HvcClearFix {
    param($Disk)
    'if its data is not needed, erase it on this node with Clear-Disk -Number ' + [string]$Disk.Number + ' -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW) and run apply again to prepare it; otherwise present another LUN'
}

try {
    $HvcResult.data.disks = @()
    foreach ($d in $Disks) {
        $disk = Find-HvcDisk -Ref $d
        $name = Get-HvcDiskName -Ref $d -Disk $disk
        $head = "disk '" + $d.label + "' (serial " + ([string]$disk.SerialNumber).Trim() + ')'
        if ($disk.IsClustered) {
            # The cluster holds it: its online state moves with its owner node.
            continue
        }
        if ($disk.IsOffline) {
            if (Approve-HvcChange -Target $name -Action 'Bring online') {
                Set-Disk -Number $disk.Number -IsOffline $false
                Add-HvcChange ('brought ' + $name + ' online')
            } else {
                continue
            }
        }
        if ($disk.IsReadOnly) {
            if (Approve-HvcChange -Target $name -Action 'Make writable') {
                Set-Disk -Number $disk.Number -IsReadOnly $false
                Add-HvcChange ('made ' + $name + ' writable')
            } else {
                continue
            }
        }
        $disk = Find-HvcDisk -Ref $d
        $style = [string]$disk.PartitionStyle
        if ($style -eq 'RAW') {
            if (Approve-HvcChange -Target ($name + ', RAW') -Action ('FORMAT: initialize GPT, one partition, ' + $d.fileSystem + " volume '" + $d.label + "'")) {
                Initialize-Disk -Number $disk.Number -PartitionStyle GPT
                Add-HvcChange ('initialized ' + $name + ' GPT')
                $style = 'GPT'
            } else {
                continue
            }
        }
        if ($d.csv -and $style -ne 'GPT') {
            throw ($head + ' is partitioned ' + $style + '; a Cluster Shared Volume needs GPT (MBR stops at 2 TB) and hvcluster never repartitions a disk: ' + (Get-HvcClearFix -Disk $disk))
        }
        $parts = @(Get-Partition -DiskNumber $disk.Number -ErrorAction SilentlyContinue | Where-Object { [string]$_.Type -ne 'Reserved' })
        if ($parts.Count -eq 0) {
            if (Approve-HvcChange -Target $name -Action ('FORMAT: one partition, ' + $d.fileSystem + " volume '" + $d.label + "'")) {
                $part = New-Partition -DiskNumber $disk.Number -UseMaximumSize
                Format-Volume -Partition $part -FileSystem $d.fileSystem -NewFileSystemLabel $d.label -Confirm:$false | Out-Null
                Add-HvcChange ('formatted ' + $name + ' ' + $d.fileSystem + " with label '" + $d.label + "'")
                $HvcResult.data.disks += [ordered]@{ label = $d.label; serial = ([string]$disk.SerialNumber).Trim(); fileSystem = $d.fileSystem }
            }
            continue
        }
        if ($parts.Count -gt 1) {
            throw ($head + ' already holds ' + $parts.Count + ' partitions; a shared disk needs exactly one volume and hvcluster never changes a disk that has partitions: ' + (Get-HvcClearFix -Disk $disk))
        }
        $vol = Get-Volume -Partition $parts[0] -ErrorAction SilentlyContinue
        $fs = if ($vol) { [string]$vol.FileSystem } else { '' }
        if (-not $fs) {
            throw ($head + ' holds a partition without a file system Windows can read (not formatted, or data of another system); hvcluster never formats a disk that has partitions: ' + (Get-HvcClearFix -Disk $disk))
        }
        if ($fs -ne $d.fileSystem) {
            $keep = if ($fs -eq 'NTFS' -or $fs -eq 'ReFS') { 'write fileSystem: ' + $(if ($fs -eq 'NTFS') { 'NTFS' } else { 'ReFS' }) + ' for this disk in the inventory to keep it, or ' } else { 'a shared disk needs NTFS or ReFS; ' }
            throw ($head + ' has a ' + $fs + ' volume, the inventory says ' + $d.fileSystem + ': ' + $keep + (Get-HvcClearFix -Disk $disk))
        }
        $label = [string]$vol.FileSystemLabel
        if ($label -cne $d.label) {
            Add-HvcWarning ($head + " has volume label '" + $label + "', not the inventory's; it is used as it is (the cluster resource is still named '" + $d.label + "'); to relabel it: Set-Volume -FileSystemLabel '" + $label.Replace("'", "''") + "' -NewFileSystemLabel '" + ([string]$d.label).Replace("'", "''") + "'")
        }
        $HvcResult.data.disks += [ordered]@{ label = $d.label; serial = ([string]$disk.SerialNumber).Trim(); fileSystem = $fs }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

