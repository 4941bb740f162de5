# hvcluster-step: create-virtual-switches (apply) on HV01
# Rendered by hvcluster golden from inventories/lab-2node.yaml. Safe to re-run: it checks state before changing it.
# hvcluster-params: {"switches":[{"name":"External","adapter":"Virtual 1","allowManagementOs":false,"vlanId":0,"mac":"00-15-5D-0A-01-04","currentName":""}],"winrmPorts":[5985,5986],"connectAddress":"hv01.corp.example.com"}

[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param()


$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'

$HvcStep = 'create-virtual-switches'
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

$Switches = @(
    [ordered]@{ name = 'External'; adapter = 'Virtual 1'; allowManagementOs = $false; vlanId = 0; mac = '00-15-5D-0A-01-04'; currentName = '' }
)
$WinRmPorts = @(5985, 5986)
$ConnectAddress = 'hv01.corp.example.com'

try {
    $vmms = Get-Service -Name 'vmms' -ErrorAction SilentlyContinue
    if (-not $vmms -or [string]$vmms.Status -ne 'Running') {
        throw 'Hyper-V is not running on this host: enable-hyper-v and its restart come first'
    }
    # Binding a NIC to a switch moves its IP configuration to the host vNIC (or drops it without one), and
    # removing the host vNIC drops its addresses: never on the path this session runs over.
    $protected = Get-HvcSessionAdapters -Ports $WinRmPorts -ConnectAddress $ConnectAddress
    foreach ($s in $Switches) {
        $vnicName = 'vEthernet (' + $s.name + ')'
        $nic = @(Get-NetAdapter | Where-Object { $_.Name -eq $s.adapter })
        if ($nic.Count -ne 1) {
            throw ("no adapter named '" + $s.adapter + "' for switch '" + $s.name + "' (rename-adapters runs first)")
        }
        $sw = @(Get-VMSwitch | Where-Object { $_.Name -eq $s.name })
        if ($sw.Count -gt 0) {
            # Report a mismatch, never re-create: that would disconnect every VM on the switch.
            if ([string]$sw[0].SwitchType -ne 'External') {
                throw ("switch '" + $s.name + "' exists but is " + [string]$sw[0].SwitchType + ', not External')
            }
            if ($sw[0].NetAdapterInterfaceDescription -ne $nic[0].InterfaceDescription) {
                throw ("switch '" + $s.name + "' is bound to '" + $sw[0].NetAdapterInterfaceDescription + "', not to '" + $s.adapter + "' (" + $nic[0].InterfaceDescription + ')')
            }
            if ([bool]$sw[0].AllowManagementOS -ne $s.allowManagementOs) {
                if (-not $s.allowManagementOs -and $protected -contains $vnicName) {
                    throw ("refusing to remove the host adapter '" + $vnicName + "' of switch '" + $s.name + "': this WinRM session runs over it (fix: move the host's management address to another NIC first)")
                }
                if (Approve-HvcChange -Target ("switch '" + $s.name + "'") -Action ('Set AllowManagementOS to ' + $s.allowManagementOs)) {
                    Set-VMSwitch -VMSwitch $sw[0] -AllowManagementOS $s.allowManagementOs
                    Add-HvcChange ("set AllowManagementOS to " + $s.allowManagementOs + " on switch '" + $s.name + "'")
                } else {
                    # The host adapter the VLAN belongs to may not exist yet.
                    continue
                }
            }
        } else {
            if ($protected -contains $s.adapter) {
                throw ("refusing to bind switch '" + $s.name + "' to '" + $s.adapter + "': this WinRM session runs over it (fix: connect to the host over its management address on another NIC, or create the switch from the host's console)")
            }
            $taken = @(Get-VMSwitch | Where-Object { $_.NetAdapterInterfaceDescription -eq $nic[0].InterfaceDescription })
            if ($taken.Count -gt 0) {
                throw ("'" + $s.adapter + "' is already the uplink of switch '" + $taken[0].Name + "'")
            }
            # Binding the NIC may drop its traffic for seconds; the uplink carries no host address by design.
            if (Approve-HvcChange -Target ("adapter '" + $s.adapter + "' (" + $nic[0].InterfaceDescription + ')') -Action ("Create external switch '" + $s.name + "'")) {
                New-VMSwitch -Name $s.name -NetAdapterInterfaceDescription $nic[0].InterfaceDescription -AllowManagementOS $s.allowManagementOs | Out-Null
                Add-HvcChange ("created external switch '" + $s.name + "' on '" + $s.adapter + "'")
            } else {
                # The switch, and so its host adapter, does not exist: there is no VLAN to set.
                continue
            }
        }
        if ($s.allowManagementOs -and $protected -notcontains $vnicName) {
            # The host vNIC starts with DHCP on and DNS registration on: it leases an address (or APIPA) and the
            # cluster picks its subnet up as a stray network. It carries no host address in the inventory.
            $vnic = @(Get-NetAdapter | Where-Object { $_.Name -eq $vnicName })
            if ($vnic.Count -eq 1) {
                $idx = $vnic[0].ifIndex
                $ipif = Get-NetIPInterface -InterfaceIndex $idx -AddressFamily IPv4 -ErrorAction SilentlyContinue
                if ($ipif -and [string]$ipif.Dhcp -eq 'Enabled') {
                    if (Approve-HvcChange -Target ("adapter '" + $vnicName + "'") -Action 'Disable DHCP (IPv4)') {
                        Set-NetIPInterface -InterfaceIndex $idx -AddressFamily IPv4 -Dhcp Disabled
                        Add-HvcChange ("disabled DHCP on '" + $vnicName + "'")
                    }
                }
                foreach ($ip in @(Get-NetIPAddress -InterfaceIndex $idx -AddressFamily IPv4 -ErrorAction SilentlyContinue)) {
                    if (Approve-HvcChange -Target ("adapter '" + $vnicName + "'") -Action ('Remove address ' + $ip.IPAddress + '/' + $ip.PrefixLength)) {
                        $ip | Remove-NetIPAddress -Confirm:$false
                        Add-HvcChange ('removed ' + $ip.IPAddress + '/' + $ip.PrefixLength + " from '" + $vnicName + "'")
                    }
                }
                if ((Get-DnsClient -InterfaceIndex $idx).RegisterThisConnectionsAddress) {
                    if (Approve-HvcChange -Target ("adapter '" + $vnicName + "'") -Action 'Turn off DNS registration') {
                        Set-DnsClient -InterfaceIndex $idx -RegisterThisConnectionsAddress $false
                        Add-HvcChange ("turned off DNS registration on '" + $vnicName + "'")
                    }
                }
            }
        }
        if ($s.allowManagementOs -and $s.vlanId -gt 0) {
            $vlan = Get-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName $s.name
            if ([string]$vlan.OperationMode -ne 'Access' -or [int]$vlan.AccessVlanId -ne $s.vlanId) {
                if (Approve-HvcChange -Target ("host adapter of switch '" + $s.name + "'") -Action ('Set access VLAN ' + $s.vlanId)) {
                    Set-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName $s.name -Access -VlanId $s.vlanId
                    Add-HvcChange ("set access VLAN " + $s.vlanId + " on the host adapter of switch '" + $s.name + "'")
                }
            }
        }
    }
    Complete-HvcStep
} catch {
    Stop-HvcStep $_
}

