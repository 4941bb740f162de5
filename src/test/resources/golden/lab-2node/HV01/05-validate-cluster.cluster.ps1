# hvcluster-step: validate-cluster (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"clusterName":"HVCL01","nodes":["HV01","HV02"],"categories":["Inventory","Network","System Configuration","Storage"],"reportName":"hvcluster-validate","acceptedFlags":["ClusterConditionallyApproved","ClusterApproved","HadUnselectedTests"],"delegation":{"user":"hvadmin","domain":"CORP.EXAMPLE.COM"}}


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'validate-cluster'
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


# The second hop. New-Cluster, Add-ClusterNode and Test-Cluster reach the other nodes and AD; a WinRM logon
# holds no credential it can pass on. So, as FailoverClusterDsc does, the script impersonates the domain
# account with LogonUser type 9 (LOGON32_LOGON_NEW_CREDENTIALS, provider WINNT50): local access stays the
# WinRM user's, outbound authentication uses the supplied account (runas /netonly semantics). Type 9 does
# not check the password, so a wrong one fails at the first remote call. The password comes only from
# $HvcSecrets, which hvcluster's executor fills over stdin; it is never written into a script or a file.
# Run by hand on the node's own console there is no second hop, and the body runs as the current user.
function Invoke-HvcWithDomainCredential {
    param($Delegation, [scriptblock]$Body)
    $secrets = Get-Variable -Name 'HvcSecrets' -ValueOnly -ErrorAction SilentlyContinue
    if (-not $secrets -or -not $secrets.ContainsKey('DomainPassword')) {
        [Console]::Error.WriteLine('note: no delegated credential supplied; running as the current user')
        return (& $Body)
    }
    $api = 'HvCluster.NetOnlyLogon' -as [type]
    if (-not $api) {
        $signature = '[DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)] public static extern bool LogonUser(string user, string domain, string password, int logonType, int provider, out Microsoft.Win32.SafeHandles.SafeAccessTokenHandle token);'
        $api = Add-Type -MemberDefinition $signature -Name 'NetOnlyLogon' -Namespace 'HvCluster' -PassThru
    }
    $token = $null
    if (-not $api::LogonUser($Delegation.user, $Delegation.domain, $secrets['DomainPassword'], 9, 3, [ref]$token)) {
        $code = [System.Runtime.InteropServices.Marshal]::GetLastWin32Error()
        throw ('LogonUser failed for ' + $Delegation.domain + '\' + $Delegation.user + ' (Win32 error ' + $code + ')')
    }
    $identity = New-Object -TypeName System.Security.Principal.WindowsIdentity -ArgumentList $token.DangerousGetHandle()
    $context = $identity.Impersonate()
    try {
        return (& $Body)
    } finally {
        $context.Undo()
        $context.Dispose()
        $identity.Dispose()
        $token.Dispose()
    }
}

$ClusterName = 'HVCL01'
$Nodes = @('HV01', 'HV02')
$Categories = @('Inventory', 'Network', 'System Configuration', 'Storage')
$ReportName = 'hvcluster-validate'
$AcceptedFlags = @('ClusterConditionallyApproved', 'ClusterApproved', 'HadUnselectedTests')
$Delegation = [ordered]@{ user = 'hvadmin'; domain = 'CORP.EXAMPLE.COM' }

try {
    $svc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
    if (-not $svc) {
        throw 'the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)'
    }
    if ([string]$svc.Status -eq 'Running') {
        # Storage tests take disks offline: once the cluster exists they would disturb it.
        Add-HvcWarning ('this node is already in cluster ' + [string](Get-Cluster).Name + '; validation skipped (Test-Cluster -Ignore Storage re-validates by hand)')
        Complete-HvcStep
    }
    $dir = Join-Path -Path $env:SystemRoot -ChildPath 'Cluster\Reports'
    if (-not (Test-Path -LiteralPath $dir)) {
        New-Item -ItemType Directory -Path $dir -Force | Out-Null
    }
    $reportBase = Join-Path -Path $dir -ChildPath ($ReportName + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss'))
    $outcome = Invoke-HvcWithDomainCredential -Delegation $Delegation -Body {
        $tw = @()
        $file = Test-Cluster -Node $Nodes -Include $Categories -ReportName $reportBase -WarningVariable tw -WarningAction SilentlyContinue
        [ordered]@{ report = $file; warnings = @($tw) }
    }
    $HvcResult.data.report = [string]@($outcome.report)[0].FullName
    # Test-Cluster has no pass/fail property: each test with findings warns, and the last warning is the
    # summary "Test Result:" followed by flags. Anything unreadable fails closed.
    $flags = @()
    foreach ($w in $outcome.warnings) {
        $text = [string]$w.Message
        if ($text -match 'Test Result:\s*\r?\n\s*([^\r\n]+)') {
            $flags = @($Matches[1].Split(',') | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        } else {
            Add-HvcWarning $text
        }
    }
    $HvcResult.data.flags = $flags
    if ($outcome.warnings.Count -gt 0 -and $flags.Count -eq 0) {
        throw ('Test-Cluster gave warnings but no result summary; read the report: ' + $HvcResult.data.report)
    }
    $failed = @($flags | Where-Object { $AcceptedFlags -notcontains $_ })
    if ($failed.Count -gt 0) {
        throw ('validation did not pass (' + ($failed -join ', ') + '); read the report: ' + $HvcResult.data.report)
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

