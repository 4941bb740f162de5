# hvcluster-step: create-cluster (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"name":"HVCL01","staticAddress":"10.0.0.50","nodes":["HV01","HV02"],"ignoreNetworks":["10.10.1.0/24","10.20.1.0/24"],"managementPointNetworkType":"Singleton","delegation":{"user":"hvadmin","domain":"CORP.EXAMPLE.COM","mechanism":"delegation"},"newClusterParameters":{"Name":"HVCL01","Node":["HV01","HV02"],"StaticAddress":["10.0.0.50"],"NoStorage":true,"IgnoreNetwork":["10.10.1.0/24","10.20.1.0/24"],"ManagementPointNetworkType":"Singleton","Force":true},"joinCategories":["Inventory","Network","System Configuration"],"acceptedFlags":["ClusterConditionallyApproved","ClusterApproved","HadUnselectedTests"],"joinReportName":"hvcluster-add-node","waitSeconds":600}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'create-cluster'
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
$StaticAddress = '10.0.0.50'
$Nodes = @('HV01', 'HV02')
$Delegation = [ordered]@{ user = 'hvadmin'; domain = 'CORP.EXAMPLE.COM'; mechanism = 'delegation' }
$NewClusterParameters = [ordered]@{ 'Name' = 'HVCL01'; 'Node' = @('HV01', 'HV02'); 'StaticAddress' = @('10.0.0.50'); 'NoStorage' = $true; 'IgnoreNetwork' = @('10.10.1.0/24', '10.20.1.0/24'); 'ManagementPointNetworkType' = 'Singleton'; 'Force' = $true }
$JoinCategories = @('Inventory', 'Network', 'System Configuration')
$AcceptedFlags = @('ClusterConditionallyApproved', 'ClusterApproved', 'HadUnselectedTests')
$JoinReportName = 'hvcluster-add-node'
$WaitSeconds = 600

# Nodes join through Joining (CLUSTER_NODE_STATE) before they are Up: "created" and "added" only once every one
# of $Names is Up, waiting at most $WaitSeconds.
function Wait-HvcNodesUp {
    param([string[]]$Names)
    $deadline = (Get-Date).AddSeconds($WaitSeconds)
    while ($true) {
        $notUp = @(Get-ClusterNode | Where-Object { $Names -contains [string]$_.Name -and [string]$_.State -ne 'Up' })
        if ($notUp.Count -eq 0) {
            return
        }
        if ((Get-Date) -gt $deadline) {
            throw ('cluster ' + $ClusterName + ': ' + (($notUp | ForEach-Object { [string]$_.Name + ' is ' + [string]$_.State }) -join ', ') + ' after ' + $WaitSeconds + ' s; run again once every node is Up')
        }
        Start-Sleep -Seconds 5
    }
}

# Test-Cluster writes its report under %SystemRoot%\Cluster\Reports; New-Cluster writes its own there too.
function Get-HvcReportDirectory {
    $dir = Join-Path -Path $env:SystemRoot -ChildPath 'Cluster\Reports'
    if (-not (Test-Path -LiteralPath $dir)) {
        New-Item -ItemType Directory -Path $dir -Force | Out-Null
    }
    $dir
}

try {
    $svc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
    if (-not $svc) {
        throw 'the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)'
    }
    if ([string]$svc.Status -eq 'Running') {
        # Already a member: it must be this cluster; add the nodes that are missing, touch nothing else.
        $current = [string](Get-Cluster).Name
        if ($current -ne $ClusterName) {
            throw ("this node already belongs to cluster '" + $current + "', not '" + $ClusterName + "'")
        }
        $present = @(Get-ClusterNode | ForEach-Object { [string]$_.Name })
        $missing = @($Nodes | Where-Object { $present -notcontains $_ })
        if ($missing.Count -gt 0 -and (Approve-HvcChange -Target ('cluster ' + $ClusterName) -Action ('Validate and add nodes ' + ($missing -join ', ')))) {
            # A node joins only after Test-Cluster passed on the existing nodes together with the new ones. No
            # storage tests: on a running cluster they would take its disks offline.
            $all = @($present + $missing)
            $reportBase = Join-Path -Path (Get-HvcReportDirectory) -ChildPath ($JoinReportName + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss'))
            try {
                $outcome = Invoke-HvcSecondHop -SecondHop $Delegation -Arguments @{ Nodes = $all; Categories = $JoinCategories; ReportBase = $reportBase } -Body {
                    param($Nodes, $Categories, $ReportBase)
                    $tw = @()
                    $file = Test-Cluster -Node $Nodes -Include $Categories -ReportName $ReportBase -WarningVariable tw -WarningAction SilentlyContinue
                    @{ report = [string]@($file)[0].FullName; warnings = @($tw | ForEach-Object { [string]$_.Message }) }
                }
            } catch {
                throw (Get-HvcSecondHopHint -SecondHop $Delegation -Message ([string]$_.Exception.Message))
            }
            $HvcResult.data.joinReportPath = [string]$outcome.report
            $flags = @()
            foreach ($w in $outcome.warnings) {
                # The result line, not the translated 'Test Result:' label (_lib/validation.ps1.vm, docs/windows-behaviour.md).
                $joinFlags = Get-HvcValidationFlags -Text ([string]$w)
                if ($joinFlags.Count -gt 0) {
                    $flags = $joinFlags
                } else {
                    Add-HvcWarning ('Test-Cluster: ' + [string]$w)
                }
            }
            $refused = @($flags | Where-Object { $AcceptedFlags -notcontains $_ })
            if (($outcome.warnings.Count -gt 0 -and $flags.Count -eq 0) -or $refused.Count -gt 0) {
                throw ('validation of ' + ($all -join ', ') + ' did not pass (' + ($refused -join ', ') + '); ' + ($missing -join ', ') + ' not added; read the report: ' + $HvcResult.data.joinReportPath)
            }
            try {
                Invoke-HvcSecondHop -SecondHop $Delegation -Arguments @{ Missing = $missing } -Body {
                    param($Missing)
                    foreach ($n in $Missing) {
                        Add-ClusterNode -Name $n -NoStorage | Out-Null
                    }
                }
            } catch {
                throw (Get-HvcSecondHopHint -SecondHop $Delegation -Message ([string]$_.Exception.Message))
            }
            Wait-HvcNodesUp -Names $missing
            Add-HvcChange ('added ' + ($missing -join ', ') + ' to cluster ' + $ClusterName)
        }
        Complete-HvcStep
    }
    # No storage: otherwise every eligible disk becomes "Cluster Disk N" and a witness is picked for you. The
    # private networks are ignored so the cluster's address lands on the management network only.
    if (Approve-HvcChange -Target ($ClusterName + ' (' + $StaticAddress + ')') -Action ('Create the cluster with nodes ' + ($Nodes -join ', '))) {
        $started = Get-Date
        try {
            # The body may run in another process (secondHop: task): its inputs are parameters, named as the script's own.
            # New-Cluster reports what it could not do as warnings (a witness it did not configure, a network it
            # ignored) and names its report in one: keep them all.
            $newClusterWarnings = @(Invoke-HvcSecondHop -SecondHop $Delegation -Arguments @{ NewClusterParameters = $NewClusterParameters } -Body {
                param($NewClusterParameters)
                $nw = @()
                New-Cluster @NewClusterParameters -WarningVariable nw -WarningAction SilentlyContinue | Out-Null
                @($nw | ForEach-Object { [string]$_.Message })
            })
        } catch {
            throw (Get-HvcSecondHopHint -SecondHop $Delegation -Message ([string]$_.Exception.Message))
        }
        $reportPath = ''
        foreach ($w in $newClusterWarnings) {
            if ([string]$w -match '([A-Za-z]:\\[^\r\n]*\.html?)') {
                $reportPath = $Matches[1]
            } else {
                Add-HvcWarning ('New-Cluster: ' + [string]$w)
            }
        }
        if (-not $reportPath) {
            # No warning named it: the newest report New-Cluster wrote since it started.
            $newest = Get-ChildItem -LiteralPath (Get-HvcReportDirectory) -Filter '*.htm' -File | Where-Object { $_.LastWriteTime -ge $started } |
                Sort-Object -Property LastWriteTime -Descending | Select-Object -First 1
            if ($newest) {
                $reportPath = $newest.FullName
            }
        }
        $HvcResult.data.reportPath = $reportPath
        if ($reportPath) {
            # Kept as evidence in the run folder, like the validation reports (docs/run-folder.md).
            Add-HvcReportContent -Path $reportPath
        }
        $HvcResult.data.newClusterWarnings = @($newClusterWarnings)
        Wait-HvcNodesUp -Names $Nodes
        Add-HvcChange ('created cluster ' + $ClusterName + ' (' + $StaticAddress + ') with ' + ($Nodes -join ', '))
        $HvcResult.data.nodes = @(Get-ClusterNode | ForEach-Object { [ordered]@{ name = [string]$_.Name; state = [string]$_.State } })
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

