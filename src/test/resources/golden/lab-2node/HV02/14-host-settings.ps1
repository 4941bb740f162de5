# hvcluster-step: host-settings (apply) on HV02
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"exclusionPaths":["%ProgramData%\\Microsoft\\Windows\\Hyper-V","%Public%\\Documents\\Hyper-V\\Virtual Hard Disks","%SystemDrive%\\ProgramData\\Microsoft\\Windows\\Hyper-V\\Snapshots","C:\\ClusterStorage"],"exclusionExtensions":["vhd","vhdx","avhd","avhdx","vhds","vhdpmem","iso","rct","vsv","bin","vmcx","vmrs","vmgs"],"exclusionProcesses":["%SystemRoot%\\System32\\Vmms.exe","%SystemRoot%\\System32\\Vmwp.exe","%SystemRoot%\\System32\\Vmsp.exe","%SystemRoot%\\System32\\Vmcompute.exe"],"virtualMachinePath":"","virtualHardDiskPath":"","migrationEnabled":"","maximumMigrations":0,"performanceOption":"","authentication":"","csvBlockCacheMb":-1}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'host-settings'
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

$ExclusionPaths = @('%ProgramData%\Microsoft\Windows\Hyper-V', '%Public%\Documents\Hyper-V\Virtual Hard Disks', '%SystemDrive%\ProgramData\Microsoft\Windows\Hyper-V\Snapshots', 'C:\ClusterStorage')
$ExclusionExtensions = @('vhd', 'vhdx', 'avhd', 'avhdx', 'vhds', 'vhdpmem', 'iso', 'rct', 'vsv', 'bin', 'vmcx', 'vmrs', 'vmgs')
$ExclusionProcesses = @('%SystemRoot%\System32\Vmms.exe', '%SystemRoot%\System32\Vmwp.exe', '%SystemRoot%\System32\Vmsp.exe', '%SystemRoot%\System32\Vmcompute.exe')
$VirtualMachinePath = ''
$VirtualHardDiskPath = ''
$MigrationEnabled = ''
$MaximumMigrations = 0
$PerformanceOption = ''
$Authentication = ''
$CsvBlockCacheMb = -1

# Each setting is read first and changed only when it differs; an empty value means "not managed".
function Get-HvcMissing {
    param([string[]]$Want, $Have, [switch]$Extension)
    $haveList = @(@($Have) | Where-Object { $_ } | ForEach-Object { if ($Extension) { ([string]$_).TrimStart('.') } else { [string]$_ } })
    @($Want | Where-Object { $haveList -notcontains $_ })
}

try {
    # Microsoft Defender: the Hyper-V and cluster exclusions (KB 3105657). Defender in passive mode (a third-party
    # antivirus is the primary one) or absent: the other product needs the same list, so say so and change nothing.
    if (@($ExclusionPaths).Count + @($ExclusionExtensions).Count + @($ExclusionProcesses).Count -gt 0) {
        $mode = 'absent'
        if (Get-Command -Name 'Get-MpComputerStatus' -ErrorAction SilentlyContinue) {
            $status = Get-MpComputerStatus -ErrorAction SilentlyContinue
            if ($status) {
                $mode = [string]$status.AMRunningMode
            }
        }
        if ($mode -ne 'Normal') {
            Add-HvcWarning ('Microsoft Defender is not the active antivirus on ' + $env:COMPUTERNAME + ' (' + $mode + '): configure these Hyper-V exclusions in the antivirus in use: folders ' + (@($ExclusionPaths) -join '; ') + '; extensions ' + (@($ExclusionExtensions) -join ', ') + '; processes ' + (@($ExclusionProcesses) -join '; '))
        } else {
            $pref = Get-MpPreference
            $paths = Get-HvcMissing -Want $ExclusionPaths -Have $pref.ExclusionPath
            $extensions = Get-HvcMissing -Want $ExclusionExtensions -Have $pref.ExclusionExtension -Extension
            $processes = Get-HvcMissing -Want $ExclusionProcesses -Have $pref.ExclusionProcess
            if ($paths.Count -gt 0 -and (Approve-HvcChange -Target 'Microsoft Defender' -Action ('Add exclusion paths ' + ($paths -join '; ')))) {
                Add-MpPreference -ExclusionPath $paths
                foreach ($x in $paths) { Add-HvcChange ('Defender exclusion path ' + $x) }
            }
            if ($extensions.Count -gt 0 -and (Approve-HvcChange -Target 'Microsoft Defender' -Action ('Add exclusion extensions ' + ($extensions -join ', ')))) {
                Add-MpPreference -ExclusionExtension $extensions
                foreach ($x in $extensions) { Add-HvcChange ('Defender exclusion extension ' + $x) }
            }
            if ($processes.Count -gt 0 -and (Approve-HvcChange -Target 'Microsoft Defender' -Action ('Add exclusion processes ' + ($processes -join '; ')))) {
                Add-MpPreference -ExclusionProcess $processes
                foreach ($x in $processes) { Add-HvcChange ('Defender exclusion process ' + $x) }
            }
        }
    }

    $vmms = Get-Service -Name 'vmms' -ErrorAction SilentlyContinue
    if (-not $vmms -or [string]$vmms.Status -ne 'Running') {
        throw ('Hyper-V is not running on ' + $env:COMPUTERNAME + ' (enable-hyper-v runs first)')
    }
    $vmHost = Get-VMHost
    foreach ($p in @(@{ Name = 'default virtual machine path'; Want = $VirtualMachinePath; Have = [string]$vmHost.VirtualMachinePath; Kind = 'VirtualMachinePath' },
                     @{ Name = 'default virtual hard disk path'; Want = $VirtualHardDiskPath; Have = [string]$vmHost.VirtualHardDiskPath; Kind = 'VirtualHardDiskPath' })) {
        if ($p.Want -and $p.Have -ne $p.Want) {
            if (Approve-HvcChange -Target ('Hyper-V host ' + $env:COMPUTERNAME) -Action ('Set the ' + $p.Name + ' to ' + $p.Want)) {
                # The folder lives on a CSV: every node sees it once one node created it.
                if (-not (Test-Path -LiteralPath $p.Want)) {
                    New-Item -ItemType Directory -Path $p.Want -Force | Out-Null
                }
                if ($p.Kind -eq 'VirtualMachinePath') {
                    Set-VMHost -VirtualMachinePath $p.Want
                } else {
                    Set-VMHost -VirtualHardDiskPath $p.Want
                }
                Add-HvcChange ($p.Name + ': ' + $p.Have + ' -> ' + $p.Want)
            }
        }
    }
    if ($MigrationEnabled) {
        $want = ($MigrationEnabled -eq 'enable')
        if ([bool]$vmHost.VirtualMachineMigrationEnabled -ne $want) {
            if (Approve-HvcChange -Target ('Hyper-V host ' + $env:COMPUTERNAME) -Action ($(if ($want) { 'Enable' } else { 'Disable' }) + ' live migration')) {
                if ($want) { Enable-VMMigration } else { Disable-VMMigration }
                Add-HvcChange ('live migration ' + $(if ($want) { 'enabled' } else { 'disabled' }))
            }
        }
    }
    if ($MaximumMigrations -gt 0 -and [int]$vmHost.MaximumVirtualMachineMigrations -ne $MaximumMigrations) {
        if (Approve-HvcChange -Target ('Hyper-V host ' + $env:COMPUTERNAME) -Action ('Allow ' + $MaximumMigrations + ' simultaneous live migrations')) {
            Set-VMHost -MaximumVirtualMachineMigrations $MaximumMigrations
            Add-HvcChange ('simultaneous live migrations: ' + [int]$vmHost.MaximumVirtualMachineMigrations + ' -> ' + $MaximumMigrations)
        }
    }
    if ($PerformanceOption -and [string]$vmHost.VirtualMachineMigrationPerformanceOption -ne $PerformanceOption) {
        if (Approve-HvcChange -Target ('Hyper-V host ' + $env:COMPUTERNAME) -Action ('Set the live migration performance option to ' + $PerformanceOption)) {
            Set-VMHost -VirtualMachineMigrationPerformanceOption $PerformanceOption
            Add-HvcChange ('live migration performance option: ' + [string]$vmHost.VirtualMachineMigrationPerformanceOption + ' -> ' + $PerformanceOption)
        }
    }
    if ($Authentication -and [string]$vmHost.VirtualMachineMigrationAuthenticationType -ne $Authentication) {
        if (Approve-HvcChange -Target ('Hyper-V host ' + $env:COMPUTERNAME) -Action ('Set the live migration authentication to ' + $Authentication)) {
            Set-VMHost -VirtualMachineMigrationAuthenticationType $Authentication
            Add-HvcChange ('live migration authentication: ' + [string]$vmHost.VirtualMachineMigrationAuthenticationType + ' -> ' + $Authentication)
        }
    }

    # The CSV block cache is a cluster property: set once, from the first node.
    if ($CsvBlockCacheMb -ge 0) {
        $cluster = Get-Cluster
        if ([long]$cluster.BlockCacheSize -ne $CsvBlockCacheMb) {
            if (Approve-HvcChange -Target ('cluster ' + [string]$cluster.Name) -Action ('Set the CSV block cache to ' + $CsvBlockCacheMb + ' MB')) {
                $old = [long]$cluster.BlockCacheSize
                $cluster.BlockCacheSize = $CsvBlockCacheMb
                Add-HvcChange ('CSV block cache (MB): ' + $old + ' -> ' + $CsvBlockCacheMb)
            }
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

