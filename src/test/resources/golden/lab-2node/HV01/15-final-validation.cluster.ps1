# hvcluster-step: final-validation (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"clusterName":"HVCL01","nodes":["HV01","HV02"],"categories":["Inventory","Network","System Configuration","Storage","Hyper-V Configuration","Cluster Configuration"],"disks":["Witness","CSV1"],"fingerprint":"8f01e5c5de66c4e4eb57b203244a9d5b","reportName":"hvcluster-final-validation","acceptedFlags":["ClusterConditionallyApproved","ClusterApproved","HadUnselectedTests"],"approvals":["ClusterApproved","ClusterConditionallyApproved"],"delegation":{"user":"hvadmin","domain":"CORP.EXAMPLE.COM","mechanism":"delegation"}}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'final-validation'
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


# The second hop. Test-Cluster, New-Cluster and Add-ClusterNode reach the other nodes (WMI over DCOM, remote
# registry, SMB) and AD (LDAP); a WinRM network logon holds no credential it can pass on. $SecondHop.mechanism
# says how this script gets one (docs/second-hop.md has the evidence for each):
#   delegation    - hvcluster's Kerberos client forwarded a TGT: the session already holds the account's
#                   credentials, so the body runs here. No password is sent to this host.
#   task          - the body runs in a one-shot scheduled task registered as the account with its password (a
#                   batch logon, with full network credentials). The task and its stored credential are
#                   unregistered, and its folder deleted, in finally.
#   impersonation - LogonUser type 9 (NEW_CREDENTIALS) around the body: outbound SMB, LDAP and RPC use the
#                   account; DCOM without cloaking does not (it uses the process token). Type 9 does not check
#                   the password; preflight's LDAP bind does.
# The body takes its inputs as parameters and returns its results: under 'task' it runs in another process.
# The password comes only from $HvcSecrets, which hvcluster's executor fills over stdin; it is never written into
# a script or a file. Run by hand on the node's own console there is no second hop: the body runs as the
# current user.
function Invoke-HvcSecondHop {
    param($SecondHop, [hashtable]$Arguments, [scriptblock]$Body)
    if ($SecondHop.mechanism -eq 'delegation') {
        return (& $Body @Arguments)
    }
    $secrets = Get-Variable -Name 'HvcSecrets' -ValueOnly -ErrorAction SilentlyContinue
    if (-not $secrets -or -not $secrets.ContainsKey('DomainPassword')) {
        [Console]::Error.WriteLine('note: no delegated credential supplied; running as the current user')
        return (& $Body @Arguments)
    }
    $account = $SecondHop.domain + '\' + $SecondHop.user
    if ($SecondHop.mechanism -eq 'task') {
        # The secrets travel as the hashtable: a parameter binding, if ever logged, shows its type, not the password.
        return (Invoke-HvcSecondHopTask -Account $account -Secrets $secrets -Arguments $Arguments -Body $Body)
    }
    $api = 'HvCluster.NetOnlyLogon' -as [type]
    if (-not $api) {
        $signature = '[DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)] public static extern bool LogonUser(string user, string domain, string password, int logonType, int provider, out Microsoft.Win32.SafeHandles.SafeAccessTokenHandle token);'
        $api = Add-Type -MemberDefinition $signature -Name 'NetOnlyLogon' -Namespace 'HvCluster' -PassThru
    }
    $token = $null
    if (-not $api::LogonUser($SecondHop.user, $SecondHop.domain, $secrets['DomainPassword'], 9, 3, [ref]$token)) {
        $code = [System.Runtime.InteropServices.Marshal]::GetLastWin32Error()
        throw ('second hop (impersonation): LogonUser failed for ' + $account + ' (Win32 error ' + $code + ')')
    }
    $identity = New-Object -TypeName System.Security.Principal.WindowsIdentity -ArgumentList $token.DangerousGetHandle()
    $context = $identity.Impersonate()
    try {
        return (& $Body @Arguments)
    } finally {
        $context.Undo()
        $context.Dispose()
        $identity.Dispose()
        $token.Dispose()
    }
}

# One-shot scheduled task as the account. The folder under %SystemRoot%\Temp (Administrators and SYSTEM only)
# holds the body and its arguments (no secret) and receives the result as CLIXML. The task is registered through
# Task Scheduler's COM API (ITaskFolder::RegisterTaskDefinition with TASK_LOGON_PASSWORD), not Register-ScheduledTask:
# a method call's arguments are not recorded by PowerShell module logging, a cmdlet's parameter bindings are, so the
# password would land in the event log on hosts that log the ScheduledTasks module. Task Scheduler checks the password
# at registration: a wrong one fails here, before the task ever runs.
function Invoke-HvcSecondHopTask {
    param([string]$Account, [hashtable]$Secrets, [hashtable]$Arguments, [scriptblock]$Body)
    $id = [guid]::NewGuid().ToString('N')
    $name = 'hvcluster-second-hop-' + $id
    $dir = Join-Path -Path $env:SystemRoot -ChildPath ('Temp\hvcluster-' + $id)
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    try {
        Export-Clixml -LiteralPath (Join-Path -Path $dir -ChildPath 'input.xml') -InputObject @{ body = $Body.ToString(); arguments = $Arguments } -Depth 8
        $runner = @(
            '$in = Import-Clixml -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath ''input.xml'')'
            '$out = @{ output = $null; error = $null }'
            'try {'
            '    $arguments = $in.arguments'
            '    $out.output = @(& ([scriptblock]::Create($in.body)) @arguments)'
            '} catch {'
            '    $out.error = [string]$_.Exception.Message'
            '}'
            'Export-Clixml -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath ''result.xml'') -InputObject $out -Depth 8'
        ) -join "`r`n"
        Set-Content -LiteralPath (Join-Path -Path $dir -ChildPath 'run.ps1') -Value $runner -Encoding UTF8
        $scheduler = New-Object -ComObject 'Schedule.Service'
        $scheduler.Connect()
        $folder = $scheduler.GetFolder('\')
        $definition = $scheduler.NewTask(0)
        $definition.Settings.ExecutionTimeLimit = 'PT2H'
        $definition.Settings.DisallowStartIfOnBatteries = $false
        $definition.Principal.RunLevel = 1
        $action = $definition.Actions.Create(0)
        $action.Path = 'powershell.exe'
        $action.Arguments = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "' + (Join-Path -Path $dir -ChildPath 'run.ps1') + '"'
        try {
            # 2: TASK_CREATE; 1: TASK_LOGON_PASSWORD (a batch logon with the account's credentials).
            $task = $folder.RegisterTaskDefinition($name, $definition, 2, $Account, $Secrets['DomainPassword'], 1)
        } catch {
            throw ('second hop (task): Task Scheduler refused to register a task as ' + $Account + ': ' + $_.Exception.Message)
        }
        try {
            $null = $task.Run($null)
            $result = Join-Path -Path $dir -ChildPath 'result.xml'
            $deadline = (Get-Date).AddHours(2)
            $idleSince = $null
            while (-not (Test-Path -LiteralPath $result)) {
                if ((Get-Date) -gt $deadline) {
                    throw ('second hop (task): the task ' + $name + ' did not finish within 2 hours')
                }
                # TASK_STATE: 2 queued, 4 running.
                $state = [int]$task.State
                if ($state -eq 2 -or $state -eq 4) {
                    $idleSince = $null
                } elseif (-not $idleSince) {
                    $idleSince = Get-Date
                } elseif (((Get-Date) - $idleSince).TotalSeconds -gt 30) {
                    throw ('second hop (task): the task ran as ' + $Account + ' but left no result (last result ' + [string]$task.LastTaskResult + ')')
                }
                Start-Sleep -Seconds 1
            }
            $outcome = Import-Clixml -LiteralPath $result
            if ($outcome.error) {
                throw $outcome.error
            }
            return $outcome.output
        } finally {
            # Deleting the task also deletes the credential Task Scheduler stored for it.
            $folder.DeleteTask($name, 0)
        }
    } finally {
        Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

# A second-hop failure on a real host, said so that the admin knows where to look.
function Get-HvcSecondHopHint {
    param($SecondHop, [string]$Message)
    if ($Message -match 'administrative privileges|Access is denied|access denied|0x80070005|RPC server is unavailable|user name or password|logon failure|not allowed') {
        return ($Message + ' [second hop: ' + $SecondHop.mechanism + '; run hvcluster preflight (check second-hop) and read docs/second-hop.md]')
    }
    return $Message
}


# Test-Cluster has no pass/fail property: it returns the report file (a FileInfo) and writes one warning per
# test with findings, then a summary warning. That summary's words ('Test Result:', 'Testing has completed...')
# are translated on a localized Windows, but its result line is the value of a [Flags] enum, which .NET writes
# as the member names joined with ', ' (FlagsAttribute docs) and never translates: 'HadUnselectedTests,
# ClusterConditionallyApproved'. So the result is read from that line alone, whatever the UI language:
# a line made only of comma-separated identifiers, one of them a validation flag (docs/windows-behaviour.md).
function Get-HvcValidationFlags {
    param([string]$Text)
    foreach ($line in ($Text -split '\r?\n')) {
        $tokens = @($line.Split(',') | ForEach-Object { $_.Trim() })
        $words = @($tokens | Where-Object { $_ -match '^[A-Za-z]+$' })
        $flags = @($tokens | Where-Object { $_ -cmatch '^(Cluster[A-Za-z]+|HadUnselectedTests)$' })
        if ($tokens.Count -gt 0 -and $words.Count -eq $tokens.Count -and $flags.Count -gt 0) {
            return ,$tokens
        }
    }
    return ,@()
}

# Reads Test-Cluster's warnings: the summary gives the flags (in $HvcResult.data.flags), every other warning
# is passed on. Fails closed: warnings without a readable summary, or any flag not accepted, stop the step.
function Assert-HvcValidationResult {
    param($Warnings, [string[]]$AcceptedFlags, [string]$Report)
    $flags = @()
    foreach ($w in @($Warnings)) {
        $found = Get-HvcValidationFlags -Text ([string]$w)
        if ($found.Count -gt 0) {
            $flags = $found
        } else {
            Add-HvcWarning ([string]$w)
        }
    }
    $HvcResult.data.flags = $flags
    if (@($Warnings).Count -gt 0 -and $flags.Count -eq 0) {
        throw ('Test-Cluster gave warnings but no result summary; read the report: ' + $Report)
    }
    $failed = @($flags | Where-Object { $AcceptedFlags -notcontains $_ })
    if ($failed.Count -gt 0) {
        throw ('validation did not pass (' + ($failed -join ', ') + '); read the report: ' + $Report)
    }
}

# The evidence: the report's bytes travel back in the result line (base64) and hvcluster writes them into the
# run folder (docs/run-folder.md). Real reports are well under a megabyte; a larger one stays on the node.
# create-cluster keeps New-Cluster's report the same way: Add-HvcReportContent -Path $HvcResult.data.reportPath.
$HvcReportCopyLimit = 8388608  # 8 MiB
function Add-HvcReportContent {
    param([string]$Path)
    $item = Get-Item -LiteralPath $Path -ErrorAction SilentlyContinue
    if (-not $item) {
        Add-HvcWarning ('the validation report is not on ' + $env:COMPUTERNAME + ': ' + $Path)
        return
    }
    if ($item.Length -gt $HvcReportCopyLimit) {
        Add-HvcWarning ('the validation report is ' + [math]::Round($item.Length / 1048576, 1) + ' MB, too large to copy into the run folder; it stays on ' + $env:COMPUTERNAME + ': ' + $Path)
        return
    }
    $HvcResult.data.reportContent = [Convert]::ToBase64String([IO.File]::ReadAllBytes($item.FullName))
}

function Add-HvcValidationReport {
    param([string]$Path)
    $HvcResult.data.report = $Path
    Add-HvcReportContent -Path $Path
}

$ClusterName = 'HVCL01'
$Nodes = @('HV01', 'HV02')
$Categories = @('Inventory', 'Network', 'System Configuration', 'Storage', 'Hyper-V Configuration', 'Cluster Configuration')
$DiskNames = @('Witness', 'CSV1')
$Fingerprint = '8f01e5c5de66c4e4eb57b203244a9d5b'
$ReportName = 'hvcluster-final-validation'
$AcceptedFlags = @('ClusterConditionallyApproved', 'ClusterApproved', 'HadUnselectedTests')
$Approvals = @('ClusterApproved', 'ClusterConditionallyApproved')
$Delegation = [ordered]@{ user = 'hvadmin'; domain = 'CORP.EXAMPLE.COM'; mechanism = 'delegation' }

# final-validation's mark, read by the facts probe and by 'hvcluster verify': the last full validation run from
# this node, the configuration fingerprint it validated, its report and result (docs/windows-behaviour.md).
$HvcValidationKey = 'HKLM:\SOFTWARE\hvcluster\Validation'
function Set-HvcValidationMark {
    param([string]$Fingerprint, [string]$Report, [string[]]$Flags, [bool]$Approved)
    if (-not (Test-Path -LiteralPath $HvcValidationKey)) {
        New-Item -Path $HvcValidationKey -Force | Out-Null
    }
    New-ItemProperty -LiteralPath $HvcValidationKey -Name 'Fingerprint' -Value $Fingerprint -PropertyType String -Force | Out-Null
    New-ItemProperty -LiteralPath $HvcValidationKey -Name 'Report' -Value $Report -PropertyType String -Force | Out-Null
    New-ItemProperty -LiteralPath $HvcValidationKey -Name 'Result' -Value ($Flags -join ', ') -PropertyType String -Force | Out-Null
    New-ItemProperty -LiteralPath $HvcValidationKey -Name 'Approved' -Value ([int]$Approved) -PropertyType DWord -Force | Out-Null
    New-ItemProperty -LiteralPath $HvcValidationKey -Name 'At' -Value ((Get-Date).ToUniversalTime().ToString('o')) -PropertyType String -Force | Out-Null
}

try {
    $svc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
    if (-not $svc -or [string]$svc.Status -ne 'Running') {
        throw ('this node is not a running node of cluster ' + $ClusterName + ' (create-cluster runs first)')
    }
    $current = [string](Get-Cluster).Name
    if ($current -ne $ClusterName) {
        throw ('this node is in cluster ' + $current + ', not ' + $ClusterName)
    }
    # Converged: the last full validation from this node approved this very configuration.
    if (Test-Path -LiteralPath $HvcValidationKey) {
        $mark = Get-ItemProperty -LiteralPath $HvcValidationKey
        if ($mark.Approved -eq 1 -and [string]$mark.Fingerprint -eq $Fingerprint) {
            $HvcResult.data.lastReport = [string]$mark.Report
            Complete-HvcStep
        }
    }
    # Storage tests take the disks they test offline. With roles running (VMs) that is an outage, so they are left
    # out and the admin is told; without inventory disks, -Disk could not keep them off other disks.
    $roles = @(Get-ClusterGroup | Where-Object { @('Cluster', 'AvailableStorage') -notcontains [string]$_.GroupType })
    $run = @($Categories)
    if ($roles.Count -gt 0) {
        $run = @($Categories | Where-Object { $_ -ne 'Storage' })
        Add-HvcWarning ('the cluster runs ' + $roles.Count + ' role(s) (' + (@($roles | ForEach-Object { [string]$_.Name }) -join ', ') + '): validated without the storage tests, which would take their disks offline; run Test-Cluster -Include Storage in a maintenance window')
    } elseif (@($DiskNames).Count -eq 0) {
        $run = @($Categories | Where-Object { $_ -ne 'Storage' })
        Add-HvcWarning 'the inventory names no shared disk: validated without the storage tests'
    } else {
        foreach ($name in $DiskNames) {
            if (-not (Get-ClusterResource -Name $name -ErrorAction SilentlyContinue)) {
                throw ("disk '" + $name + "' is not a cluster resource (add-shared-volumes and configure-quorum run first)")
            }
        }
    }
    $HvcResult.data.categories = $run
    if (Approve-HvcChange -Target ('cluster ' + $ClusterName) -Action ('Run Test-Cluster (' + ($run -join ', ') + ')')) {
        $dir = Join-Path -Path $env:SystemRoot -ChildPath 'Cluster\Reports'
        if (-not (Test-Path -LiteralPath $dir)) {
            New-Item -ItemType Directory -Path $dir -Force | Out-Null
        }
        $reportBase = Join-Path -Path $dir -ChildPath ($ReportName + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss'))
        $withStorage = $run -contains 'Storage'
        try {
            $outcome = Invoke-HvcSecondHop -SecondHop $Delegation -Arguments @{ Nodes = $Nodes; Categories = $run; DiskNames = $DiskNames; WithStorage = $withStorage; ReportBase = $reportBase } -Body {
                param($Nodes, $Categories, $DiskNames, $WithStorage, $ReportBase)
                $tw = @()
                if ($WithStorage) {
                    # Only the inventory's disks; -Force because they are online in the cluster (Test-Cluster docs).
                    $disks = @($DiskNames | ForEach-Object { Get-ClusterResource -Name $_ })
                    $file = Test-Cluster -Node $Nodes -Include $Categories -Disk $disks -Force -ReportName $ReportBase -WarningVariable tw -WarningAction SilentlyContinue
                } else {
                    $file = Test-Cluster -Node $Nodes -Include $Categories -ReportName $ReportBase -WarningVariable tw -WarningAction SilentlyContinue
                }
                @{ report = [string]@($file)[0].FullName; warnings = @($tw | ForEach-Object { [string]$_.Message }) }
            }
        } catch {
            throw (Get-HvcSecondHopHint -SecondHop $Delegation -Message ([string]$_.Exception.Message))
        }
        $report = [string]$outcome.report
        Add-HvcValidationReport -Path $report
        try {
            Assert-HvcValidationResult -Warnings $outcome.warnings -AcceptedFlags $AcceptedFlags -Report $report
            if (@($HvcResult.data.flags | Where-Object { $Approvals -contains $_ }).Count -eq 0) {
                throw ('validation did not approve the cluster (' + (@($HvcResult.data.flags) -join ', ') + '); read the report: ' + $report)
            }
        } catch {
            # The mark says so too: 'hvcluster verify' and the next run see a validation that did not pass.
            Set-HvcValidationMark -Fingerprint $Fingerprint -Report $report -Flags @($HvcResult.data.flags) -Approved $false
            throw
        }
        Set-HvcValidationMark -Fingerprint $Fingerprint -Report $report -Flags @($HvcResult.data.flags) -Approved $true
        Add-HvcChange ('validated cluster ' + $ClusterName + ': ' + (@($HvcResult.data.flags) -join ', ') + ' (report ' + $report + ')')
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

