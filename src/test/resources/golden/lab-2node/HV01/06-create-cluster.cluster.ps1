# hvcluster-step: create-cluster (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"name":"HVCL01","staticAddress":"10.0.0.50","nodes":["HV01","HV02"],"ignoreNetworks":["10.10.1.0/24","10.20.1.0/24"],"managementPointNetworkType":"Singleton","delegation":{"user":"hvadmin","domain":"CORP.EXAMPLE.COM"},"newClusterParameters":{"Name":"HVCL01","Node":["HV01","HV02"],"StaticAddress":["10.0.0.50"],"NoStorage":true,"IgnoreNetwork":["10.10.1.0/24","10.20.1.0/24"],"ManagementPointNetworkType":"Singleton","Force":true}}


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
$StaticAddress = '10.0.0.50'
$Nodes = @('HV01', 'HV02')
$Delegation = [ordered]@{ user = 'hvadmin'; domain = 'CORP.EXAMPLE.COM' }
$NewClusterParameters = [ordered]@{ 'Name' = 'HVCL01'; 'Node' = @('HV01', 'HV02'); 'StaticAddress' = @('10.0.0.50'); 'NoStorage' = $true; 'IgnoreNetwork' = @('10.10.1.0/24', '10.20.1.0/24'); 'ManagementPointNetworkType' = 'Singleton'; 'Force' = $true }

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
        if ($missing.Count -gt 0) {
            Invoke-HvcWithDomainCredential -Delegation $Delegation -Body {
                foreach ($n in $missing) {
                    Add-ClusterNode -Name $n -NoStorage | Out-Null
                }
            }
            Add-HvcChange ('added ' + ($missing -join ', ') + ' to cluster ' + $ClusterName)
        }
        Complete-HvcStep
    }
    # No storage: otherwise every eligible disk becomes "Cluster Disk N" and a witness is picked for you. The
    # private networks are ignored so the cluster's address lands on the management network only.
    Invoke-HvcWithDomainCredential -Delegation $Delegation -Body {
        New-Cluster @NewClusterParameters | Out-Null
    }
    Add-HvcChange ('created cluster ' + $ClusterName + ' (' + $StaticAddress + ') with ' + ($Nodes -join ', '))
    $HvcResult.data.nodes = @(Get-ClusterNode | ForEach-Object { [ordered]@{ name = [string]$_.Name; state = [string]$_.State } })
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

