# hvcluster-step: configure-addresses (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"addresses":[{"adapter":"Cluster","ipAddress":"10.10.1.11","prefixLength":24,"mac":"00-15-5D-0A-01-02","currentName":""},{"adapter":"iSCSI 1","ipAddress":"10.20.1.11","prefixLength":24,"mac":"00-15-5D-0A-01-03","currentName":""}],"winrmPorts":[5985,5986],"connectAddress":"hv01.corp.example.com"}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'configure-addresses'
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

$Addresses = @(
    [ordered]@{ adapter = 'Cluster'; ipAddress = '10.10.1.11'; prefixLength = 24; mac = '00-15-5D-0A-01-02'; currentName = '' }
    [ordered]@{ adapter = 'iSCSI 1'; ipAddress = '10.20.1.11'; prefixLength = 24; mac = '00-15-5D-0A-01-03'; currentName = '' }
)
$WinRmPorts = @(5985, 5986)
$ConnectAddress = 'hv01.corp.example.com'

# The policy stores that hold a 0.0.0.0/0 route on the interface.
function Get-HvcDefaultRouteStores {
    param([int]$InterfaceIndex)
    foreach ($store in 'ActiveStore', 'PersistentStore') {
        if (@(Get-NetRoute -InterfaceIndex $InterfaceIndex -AddressFamily IPv4 -DestinationPrefix '0.0.0.0/0' -PolicyStore $store -ErrorAction SilentlyContinue).Count -gt 0) {
            $store
        }
    }
}

try {
    $protected = Get-HvcSessionAdapters -Ports $WinRmPorts -ConnectAddress $ConnectAddress
    foreach ($a in $Addresses) {
        $name = $a.adapter
        if ($protected -contains $name) {
            throw ("refusing to change '" + $name + "': this WinRM session runs over it")
        }
        $idx = (Get-HvcAdapter -Name $name).ifIndex

        $ipif = Get-NetIPInterface -InterfaceIndex $idx -AddressFamily IPv4
        if ([string]$ipif.Dhcp -eq 'Enabled') {
            if (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action 'Disable DHCP (IPv4)') {
                Set-NetIPInterface -InterfaceIndex $idx -AddressFamily IPv4 -Dhcp Disabled
                Add-HvcChange ("disabled DHCP on '" + $name + "'")
            }
        }
        # Private networks are never routed: default routes go first (DHCP may have left one). A route lives in the
        # ActiveStore (in use now) and may also sit in the PersistentStore, which Windows copies to the ActiveStore
        # at restart (Remove-NetRoute -PolicyStore): removed from one store only, it comes back with the Hyper-V
        # restart. So both stores are read, emptied and read again.
        $routeStores = @(Get-HvcDefaultRouteStores -InterfaceIndex $idx)
        if ($routeStores.Count -gt 0) {
            if (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action ('Remove the default route 0.0.0.0/0 (' + ($routeStores -join ', ') + ')')) {
                foreach ($store in $routeStores) {
                    Remove-NetRoute -InterfaceIndex $idx -AddressFamily IPv4 -DestinationPrefix '0.0.0.0/0' -PolicyStore $store -Confirm:$false
                }
                $left = @(Get-HvcDefaultRouteStores -InterfaceIndex $idx)
                if ($left.Count -gt 0) {
                    throw ("the default route on '" + $name + "' is still in the " + ($left -join ' and '))
                }
                Add-HvcChange ("removed the default route from '" + $name + "' (" + ($routeStores -join ', ') + ')')
            }
        }
        # Stale addresses likewise from both stores.
        $stale = @(foreach ($store in 'ActiveStore', 'PersistentStore') {
            Get-NetIPAddress -InterfaceIndex $idx -AddressFamily IPv4 -PolicyStore $store -ErrorAction SilentlyContinue | Where-Object {
                ([string]$_.PrefixOrigin -eq 'Manual' -or [string]$_.PrefixOrigin -eq 'Dhcp') -and
                ($_.IPAddress -ne $a.ipAddress -or $_.PrefixLength -ne $a.prefixLength)
            }
        })
        foreach ($cidr in @($stale | ForEach-Object { [string]$_.IPAddress + '/' + $_.PrefixLength } | Select-Object -Unique)) {
            if (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action ('Remove address ' + $cidr)) {
                $stale | Where-Object { ([string]$_.IPAddress + '/' + $_.PrefixLength) -eq $cidr } | Remove-NetIPAddress -Confirm:$false
                Add-HvcChange ('removed ' + $cidr + " from '" + $name + "'")
            }
        }
        $clash = @(Get-NetIPAddress -IPAddress $a.ipAddress -ErrorAction SilentlyContinue | Where-Object { $_.InterfaceIndex -ne $idx })
        if ($clash.Count -gt 0) {
            throw ($a.ipAddress + " is already configured on '" + $clash[0].InterfaceAlias + "'")
        }
        $have = @(Get-NetIPAddress -InterfaceIndex $idx -AddressFamily IPv4 -ErrorAction SilentlyContinue | Where-Object { $_.IPAddress -eq $a.ipAddress })
        if ($have.Count -eq 0 -and (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action ('Add address ' + $a.ipAddress + '/' + $a.prefixLength))) {
            New-NetIPAddress -InterfaceIndex $idx -IPAddress $a.ipAddress -PrefixLength $a.prefixLength -AddressFamily IPv4 | Out-Null
            Add-HvcChange ('added ' + $a.ipAddress + '/' + $a.prefixLength + " to '" + $name + "'")
            # Duplicate address detection runs now: the address is Tentative, then Preferred or Duplicate. Wait
            # for the verdict (a few seconds at most) so a clash fails this run, not the next one.
            for ($i = 0; $i -lt 20; $i++) {
                $have = @(Get-NetIPAddress -InterfaceIndex $idx -AddressFamily IPv4 -ErrorAction SilentlyContinue | Where-Object { $_.IPAddress -eq $a.ipAddress })
                if ($have.Count -gt 0 -and [string]$have[0].AddressState -ne 'Tentative') {
                    break
                }
                Start-Sleep -Milliseconds 500
            }
        }
        if ($have.Count -gt 0 -and [string]$have[0].AddressState -eq 'Duplicate') {
            throw ('another host on the network already uses ' + $a.ipAddress + " (address state Duplicate on '" + $name + "')")
        }
        # The heartbeat and other private networks must not register in DNS nor ask DNS servers.
        if ((Get-DnsClient -InterfaceIndex $idx).RegisterThisConnectionsAddress) {
            if (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action 'Turn off DNS registration') {
                Set-DnsClient -InterfaceIndex $idx -RegisterThisConnectionsAddress $false
                Add-HvcChange ("turned off DNS registration on '" + $name + "'")
            }
        }
        $servers = @((Get-DnsClientServerAddress -InterfaceIndex $idx -AddressFamily IPv4).ServerAddresses)
        if ($servers.Count -gt 0) {
            if (Approve-HvcChange -Target ("adapter '" + $name + "'") -Action ('Remove DNS servers ' + ($servers -join ', '))) {
                Set-DnsClientServerAddress -InterfaceIndex $idx -ResetServerAddresses
                Add-HvcChange ("removed DNS servers from '" + $name + "'")
            }
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

