# hvcluster-step: connect-storage (apply) on HV02
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"iscsi":false,"mpio":false,"loadBalancePolicy":"","withHyperV":false,"paths":[],"luns":[],"chapUsername":"","chapSecretVariable":"","rebootDelaySeconds":10,"rebootMessage":""}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'connect-storage'
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


# connect-storage: the parts its apply and after-reboot scripts share. Reads $Mpio, $LoadBalancePolicy, $Paths,
# $Luns, $ChapUsername and $ChapSecretVariable from the script. The CHAP secret comes only from $HvcSecrets, which
# hvcluster's executor fills over stdin; it is never written into a script, a file or a message.

# MSiSCSI is Manual and stopped on a fresh install; sessions need it, and persistent ones need it at every boot.
function Set-HvcIscsiService {
    $svc = Get-Service -Name 'MSiSCSI'
    if ([string]$svc.StartType -ne 'Automatic' -and (Approve-HvcChange -Target 'service MSiSCSI' -Action 'Set the start type to Automatic')) {
        Set-Service -Name 'MSiSCSI' -StartupType Automatic
        Add-HvcChange 'set MSiSCSI to start automatically'
    }
    if ([string]$svc.Status -ne 'Running' -and (Approve-HvcChange -Target 'service MSiSCSI' -Action 'Start')) {
        Start-Service -Name 'MSiSCSI'
        Add-HvcChange 'started MSiSCSI'
    }
}

function Get-HvcChapSecret {
    $secrets = Get-Variable -Name 'HvcSecrets' -ValueOnly -ErrorAction SilentlyContinue
    if (-not $secrets -or -not $secrets.ContainsKey('IscsiChapSecret')) {
        throw ('the CHAP secret was not supplied: set ' + $ChapSecretVariable + ' where hvcluster runs (a script run by hand needs $HvcSecrets = @{ IscsiChapSecret = ... })')
    }
    $secrets['IscsiChapSecret']
}

# The iSCSI error text names the failure; the secret itself is never part of it.
function Get-HvcLogonFailure {
    param($ErrorRecord, $Path, [string]$Target)
    $text = [string]$ErrorRecord.Exception.Message
    $where = "target " + $Target + " on portal " + $Path.portalAddress + " from '" + $Path.adapter + "' (" + $Path.initiatorAddress + ") on " + $env:COMPUTERNAME
    if ($text -match 'Authentication') {
        return ($where + ' refused the CHAP logon (' + $text.Trim() + "): the secret in " + $ChapSecretVariable + " or the user '" + $ChapUsername + "' does not match the array's; fix it and run again")
    }
    $where + ': ' + $text.Trim() + '; check that the target allows this initiator'
}

function Get-HvcInitiatorName {
    [string](@(Get-InitiatorPort | Where-Object { [string]$_.ConnectionType -eq 'iSCSI' } | Select-Object -First 1).NodeAddress)
}

# One portal and one persistent, multipath session per path (iSCSI NIC, portal).
function Connect-HvcIscsiPaths {
    # One-way CHAP on the logon (discovery runs without it); the secret only ever sits in this hashtable.
    $chap = @{}
    if ($ChapUsername) {
        $chap = @{ AuthenticationType = 'ONEWAYCHAP'; ChapUsername = $ChapUsername; ChapSecret = (Get-HvcChapSecret) }
    }
    foreach ($p in $Paths) {
        $portal = @(Get-IscsiTargetPortal | Where-Object { [string]$_.TargetPortalAddress -eq $p.portalAddress })
        if ($portal.Count -eq 0 -and (Approve-HvcChange -Target ('iSCSI target portal ' + $p.portalAddress) -Action ("Add, from '" + $p.adapter + "' (" + $p.initiatorAddress + ')'))) {
            try {
                $portal = @(New-IscsiTargetPortal -TargetPortalAddress $p.portalAddress -InitiatorPortalAddress $p.initiatorAddress)
            } catch {
                throw ('portal ' + $p.portalAddress + " did not answer " + $env:COMPUTERNAME + " from '" + $p.adapter + "' (" + $p.initiatorAddress + '): ' + ([string]$_.Exception.Message).Trim() + '; check that the array listens on TCP 3260 on that address and that the iSCSI network reaches it (Test-NetConnection ' + $p.portalAddress + ' -Port 3260)')
            }
            Add-HvcChange ('added iSCSI target portal ' + $p.portalAddress + " from '" + $p.adapter + "'")
        }
        if ($portal.Count -eq 0) {
            # -WhatIf, or declined under -Confirm: nothing to log on to through this portal.
            continue
        }
        $offered = @(Get-IscsiTarget -IscsiTargetPortal $portal[0])
        $targets = @($offered | Where-Object { -not $p.target -or [string]$_.NodeAddress -eq $p.target })
        if ($targets.Count -eq 0) {
            $what = $(if ($p.target) { 'target ' + $p.target } else { 'any target' })
            throw ('portal ' + $p.portalAddress + ' offers ' + $what + ' to no one on ' + $env:COMPUTERNAME + ' (initiator ' + (Get-HvcInitiatorName) + '): check the IQN in the inventory and the array''s access list for this initiator')
        }
        foreach ($t in $targets) {
            $iqn = [string]$t.NodeAddress
            $have = @(Get-IscsiSession | Where-Object {
                [string]$_.TargetNodeAddress -eq $iqn -and [string]$_.InitiatorPortalAddress -eq $p.initiatorAddress -and
                @(Get-IscsiConnection -IscsiSession $_ | Where-Object { [string]$_.TargetAddress -eq $p.portalAddress }).Count -gt 0
            })
            if ($have.Count -gt 0) {
                if (-not $have[0].IsPersistent -and (Approve-HvcChange -Target ('iSCSI session ' + $iqn + ' ' + $p.initiatorAddress + ' -> ' + $p.portalAddress) -Action 'Make persistent (reconnected at boot)')) {
                    if ($ChapUsername) {
                        Register-IscsiSession -SessionIdentifier $have[0].SessionIdentifier -IsMultipathEnabled $Mpio -ChapUsername $ChapUsername -ChapSecret $chap['ChapSecret']
                    } else {
                        Register-IscsiSession -SessionIdentifier $have[0].SessionIdentifier -IsMultipathEnabled $Mpio
                    }
                    Add-HvcChange ('made the session to ' + $iqn + ' via ' + $p.portalAddress + ' persistent')
                }
                continue
            }
            if (Approve-HvcChange -Target ('iSCSI target ' + $iqn) -Action ('Log on, persistent and multipath, ' + $p.initiatorAddress + ' -> ' + $p.portalAddress)) {
                try {
                    Connect-IscsiTarget -NodeAddress $iqn -TargetPortalAddress $p.portalAddress -InitiatorPortalAddress $p.initiatorAddress -IsPersistent $true -IsMultipathEnabled $Mpio @chap | Out-Null
                } catch {
                    throw (Get-HvcLogonFailure -ErrorRecord $_ -Path $p -Target $iqn)
                }
                Add-HvcChange ('logged on to ' + $iqn + ' ' + $p.initiatorAddress + ' -> ' + $p.portalAddress)
            }
        }
    }
}

# The Microsoft DSM claims iSCSI LUNs as they arrive, with the inventory's default policy.
function Set-HvcMsdsm {
    $claims = Get-MSDSMAutomaticClaimSettings
    if (-not $claims['iSCSI'] -and (Approve-HvcChange -Target 'Microsoft DSM' -Action 'Claim iSCSI LUNs automatically')) {
        Enable-MSDSMAutomaticClaim -BusType iSCSI -Confirm:$false
        Add-HvcChange 'the Microsoft DSM now claims iSCSI LUNs'
    }
    $policy = [string](Get-MSDSMGlobalDefaultLoadBalancePolicy)
    if ($policy -ne $LoadBalancePolicy -and (Approve-HvcChange -Target 'Microsoft DSM' -Action ('Set the default load-balance policy to ' + $LoadBalancePolicy))) {
        Set-MSDSMGlobalDefaultLoadBalancePolicy -Policy $LoadBalancePolicy
        Add-HvcChange ('set the MSDSM default load-balance policy to ' + $LoadBalancePolicy)
    }
}

# Every session carries a LUN, each inventory LUN shows once (MPIO) at its size, over every session to its target.
function Test-HvcLuns {
    $initiator = Get-HvcInitiatorName
    $sessions = @(Get-IscsiSession)
    $pathCount = [ordered]@{}
    foreach ($s in $sessions) {
        if (@(Get-Disk -iSCSISession $s | Where-Object { $null -ne $_.Number }).Count -eq 0) {
            $portal = [string](@(Get-IscsiConnection -IscsiSession $s | Select-Object -First 1).TargetAddress)
            throw ('target ' + [string]$s.TargetNodeAddress + ' on portal ' + $portal + ' presents no LUNs to ' + $env:COMPUTERNAME + ': map the LUNs to initiator ' + $initiator + ' on the array')
        }
    }
    foreach ($lun in $Luns) {
        # On a cluster node Get-Disk also lists the other nodes' disks, without a Number (docs/windows-behaviour.md).
        $found = @(Get-Disk | Where-Object { $null -ne $_.Number } | Where-Object {
            (-not $lun.serial -or ([string]$_.SerialNumber).Trim() -eq $lun.serial) -and
            (-not $lun.uniqueId -or [string]$_.UniqueId -eq $lun.uniqueId)
        })
        $name = "LUN '" + $lun.label + "' (serial '" + $lun.serial + "')"
        if ($found.Count -eq 0) {
            throw ($name + ' is not presented to ' + $env:COMPUTERNAME + ' over its iSCSI sessions: map it to initiator ' + $initiator + ' on the array')
        }
        if ($found.Count -gt 1) {
            throw ($name + ' appears ' + $found.Count + ' times on ' + $env:COMPUTERNAME + ': Multipath-IO does not claim it (one disk per path); with storage.mpio off give the host one path, else restart it so the Microsoft DSM claims the LUN')
        }
        $size = [int64]$found[0].Size
        if ($lun.sizeBytes -gt 0 -and [math]::Abs($size - [int64]$lun.sizeBytes) -gt ([int64]$lun.sizeBytes / 100)) {
            throw ($name + ' is ' + $size + ' bytes on ' + $env:COMPUTERNAME + ', the inventory says ' + $lun.sizeBytes + ': the array presents another LUN under this serial, or the inventory''s size is wrong')
        }
        $over = @($sessions | Where-Object { @(Get-Disk -iSCSISession $_ | Where-Object { $null -ne $_.Number } | Where-Object { ([string]$_.SerialNumber).Trim() -eq ([string]$found[0].SerialNumber).Trim() }).Count -gt 0 })
        $targets = @($over | ForEach-Object { [string]$_.TargetNodeAddress } | Select-Object -Unique)
        $expected = @($sessions | Where-Object { $targets -contains [string]$_.TargetNodeAddress }).Count
        $pathCount[$lun.label] = $over.Count
        if ($over.Count -lt $expected) {
            Add-HvcWarning ($name + ' is reachable over ' + $over.Count + ' of the ' + $expected + ' sessions to its target: the array does not present it on every path')
        }
    }
    $HvcResult.data.lunPaths = $pathCount
}

$Iscsi = $false
$Mpio = $false
$LoadBalancePolicy = ''
$WithHyperV = $false
$Paths = @()
$Luns = @()
$ChapUsername = ''
$ChapSecretVariable = ''
$RebootDelaySeconds = 10
$RebootMessage = ''

try {
    $HvcResult.data.rebootScheduled = $false
    if (-not $Iscsi) {
        # No iSCSI in the inventory: Fibre Channel and SAS LUNs need no logon.
        Complete-HvcStep
    }
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $HvcResult.data.bootTimeBefore = $os.LastBootUpTime.ToUniversalTime().ToString('o')
    Set-HvcIscsiService

    $restartWhy = ''
    if ($Mpio) {
        $state = [string](Get-WindowsFeature -Name 'Multipath-IO').InstallState
        $HvcResult.data.installStateBefore = $state
        if ($state -eq 'InstallPending') {
            $restartWhy = 'to finish installing Multipath-IO'
        } elseif ($state -ne 'Installed') {
            # On a host in no cluster Hyper-V comes along, so the host restarts once for both.
            $clusSvc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
            $member = [bool]($clusSvc -and [string]$clusSvc.Status -eq 'Running')
            $features = @('Multipath-IO')
            $hyperV = Get-WindowsFeature -Name 'Hyper-V'
            if ($WithHyperV -and -not $member -and $hyperV -and [string]$hyperV.InstallState -eq 'Available') {
                $features += 'Hyper-V'
            }
            if (Approve-HvcChange -Target $env:COMPUTERNAME -Action ('Install Windows feature(s) ' + ($features -join ', ') + ' with their management tools')) {
                # Without -Restart: the restart is scheduled below, after this script has reported.
                $r = Install-WindowsFeature -Name $features -IncludeManagementTools
                $HvcResult.data.exitCode = [string]$r.ExitCode
                if (-not $r.Success) {
                    throw ('Install-WindowsFeature ' + ($features -join ', ') + ' failed: ' + [string]$r.ExitCode)
                }
                Add-HvcChange ('installed ' + ($features -join ', ') + ' (' + [string]$r.ExitCode + ')')
                # The MPIO module comes with the feature: the claim set now takes effect with this restart, for LUNs
                # already connected too (Install-WindowsFeature, Enable-MSDSMAutomaticClaim, then restart).
                if (Get-Command -Name 'Enable-MSDSMAutomaticClaim' -ErrorAction SilentlyContinue) {
                    Set-HvcMsdsm
                }
            } elseif (-not $WhatIfPreference) {
                Complete-HvcStep
            }
            $restartWhy = $(if ($features.Count -gt 1) { 'to finish installing Multipath-IO and Hyper-V' } else { 'to finish installing Multipath-IO' })
        } else {
            $claims = Get-MSDSMAutomaticClaimSettings
            $connected = @(Get-IscsiSession).Count -gt 0
            if (-not $claims['iSCSI'] -and $connected) {
                # The Microsoft DSM claims a LUN when it arrives: the LUNs already connected stay doubled until a restart.
                Set-HvcMsdsm
                $restartWhy = 'so the Microsoft DSM claims the LUNs already connected'
            }
        }
    }
    if ($restartWhy) {
        $clusSvc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
        if ($clusSvc -and [string]$clusSvc.Status -eq 'Running') {
            throw ('refusing to restart cluster node ' + $env:COMPUTERNAME + ' ' + $restartWhy + ': drain it (Suspend-ClusterNode -Drain) and restart it by hand, then run hvcluster again')
        }
        if (Approve-HvcChange -Target $env:COMPUTERNAME -Action ('Restart in ' + $RebootDelaySeconds + ' s (shutdown.exe /r) ' + $restartWhy)) {
            # shutdown.exe is a native program: 1190, a shutdown is already scheduled; 1115, one is under way.
            $ErrorActionPreference = 'Continue'
            & shutdown.exe /r /t $RebootDelaySeconds /d 'p:2:4' /c $RebootMessage
            $code = $LASTEXITCODE
            $ErrorActionPreference = 'Stop'
            if ($code -ne 0 -and $code -ne 1190 -and $code -ne 1115) {
                throw ('shutdown.exe could not schedule the restart (exit code ' + $code + ')')
            }
            $HvcResult.data.rebootScheduled = $true
            Add-HvcChange ('restart scheduled in ' + $RebootDelaySeconds + ' s ' + $restartWhy)
        }
        # Portals and sessions wait for the restart (the after-reboot script): made now, every LUN would show once per path.
        Complete-HvcStep
    }

    if ($Mpio) {
        Set-HvcMsdsm
    }
    Connect-HvcIscsiPaths
    if (-not $WhatIfPreference) {
        Test-HvcLuns
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

