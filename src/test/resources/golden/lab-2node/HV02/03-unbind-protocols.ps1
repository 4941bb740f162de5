# hvcluster-step: unbind-protocols (apply) on HV02
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"adapters":["Virtual 1"],"componentIds":["ms_tcpip","ms_tcpip6","ms_msclient","ms_server","ms_lltdio","ms_rspndr"],"winrmPorts":[5985,5986],"connectAddress":"hv02.corp.example.com","disableUnused":false,"namedMacs":["00-15-5D-0A-02-01","00-15-5D-0A-02-02","00-15-5D-0A-02-03"],"namedAdapters":["Parent","Cluster","iSCSI 1","Virtual 1","Ethernet 4"],"uplinks":[{"mac":"","currentName":"Ethernet 4","role":"Virtual 1"}]}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'unbind-protocols'
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


# The adapters this WinRM session may run over: those holding the local end of a TCP connection on a WinRM
# port, plus the one holding the address the tool connects to. OverThere opens a new TCP connection per
# request, so the first source alone is racy; the second closes the gap. Changing either cuts the run off.
function Get-HvcSessionAdapters {
    param([int[]]$Ports, [string]$ConnectAddress)
    $local = @(Get-NetTCPConnection -LocalPort $Ports -State Established -ErrorAction SilentlyContinue |
        ForEach-Object { [string]$_.LocalAddress })
    $parsed = $null
    if ([System.Net.IPAddress]::TryParse($ConnectAddress, [ref]$parsed)) {
        $local += $ConnectAddress
    } else {
        try {
            $local += @([System.Net.Dns]::GetHostAddresses($ConnectAddress) | ForEach-Object { $_.IPAddressToString })
        } catch {
            Add-HvcWarning ('cannot resolve ' + $ConnectAddress + ' on this host; protecting WinRM connections only')
        }
    }
    @($local | Sort-Object -Unique | ForEach-Object {
        Get-NetIPAddress -IPAddress $_ -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.InterfaceAlias }
    } | Sort-Object -Unique)
}

# Adapter names may hold wildcard characters; -Name parameters treat them as patterns, so match exactly.
function Get-HvcAdapter {
    param([string]$Name)
    $found = @(Get-NetAdapter | Where-Object { $_.Name -eq $Name })
    if ($found.Count -ne 1) {
        throw ("no adapter named '" + $Name + "' on " + $env:COMPUTERNAME + ' (rename-adapters runs first)')
    }
    $found[0]
}

$Adapters = @('Virtual 1')
$ComponentIds = @('ms_tcpip', 'ms_tcpip6', 'ms_msclient', 'ms_server', 'ms_lltdio', 'ms_rspndr')
$WinRmPorts = @(5985, 5986)
$ConnectAddress = 'hv02.corp.example.com'
$DisableUnused = $false
$NamedMacs = @('00-15-5D-0A-02-01', '00-15-5D-0A-02-02', '00-15-5D-0A-02-03')
$NamedAdapters = @('Parent', 'Cluster', 'iSCSI 1', 'Virtual 1', 'Ethernet 4')

try {
    $protected = Get-HvcSessionAdapters -Ports $WinRmPorts -ConnectAddress $ConnectAddress
    foreach ($name in $Adapters) {
        $null = Get-HvcAdapter -Name $name
        if ($protected -contains $name) {
            throw ("refusing to unbind '" + $name + "': this WinRM session runs over it")
        }
        # Filter instead of -ComponentID: naming an absent component (vms_pp before Hyper-V) throws.
        $on = @(Get-NetAdapterBinding -AllBindings | Where-Object {
            $_.Name -eq $name -and $ComponentIds -contains $_.ComponentID -and $_.Enabled
        })
        $skipped = 0
        foreach ($b in $on) {
            if (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action ('Disable binding ' + $b.DisplayName + ' (' + $b.ComponentID + ')')) {
                $b | Disable-NetAdapterBinding -Confirm:$false
                Add-HvcChange ('disabled ' + $b.DisplayName + ' (' + $b.ComponentID + ") on '" + $name + "'")
            } else {
                $skipped++
            }
        }
        # One change can toggle other bindings: read again and insist.
        $still = @(Get-NetAdapterBinding -AllBindings | Where-Object {
            $_.Name -eq $name -and $ComponentIds -contains $_.ComponentID -and $_.Enabled
        })
        # A binding left on by -WhatIf or a declined -Confirm is reported there, not as a failure.
        if ($still.Count -gt 0 -and $skipped -eq 0) {
            throw ("'" + $name + "' still has " + (($still | ForEach-Object { $_.ComponentID }) -join ', ') + ' enabled')
        }
    }
    if ($DisableUnused) {
        # Physical NICs the inventory does not name would form stray cluster networks; a team or switch vNIC
        # shares a named NIC's MAC and is not physical, and the session's own adapter is never touched.
        $unused = @(Get-NetAdapter -Physical | Where-Object {
            $NamedMacs -notcontains $_.MacAddress -and $NamedAdapters -notcontains $_.Name -and
            $protected -notcontains $_.Name -and [string]$_.Status -ne 'Disabled'
        })
        foreach ($u in $unused) {
            if (Approve-HvcChange -Target ("adapter '" + $u.Name + "' [" + $u.MacAddress + '] (' + $u.InterfaceDescription + ')') -Action 'Disable the unused adapter') {
                $u | Disable-NetAdapter -Confirm:$false
                Add-HvcChange ("disabled unused adapter '" + $u.Name + "' [" + $u.MacAddress + '] (' + $u.InterfaceDescription + ')')
            }
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

