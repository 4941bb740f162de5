$ErrorActionPreference = 'Stop'
$cluster = [ordered]@{ Name = 'HVCL01'; Node = @('HV01', 'HV02'); Nodes = 'HV03'; 'NoStorage' = $true }
$cluster.StaticAdress = '10.0.0.50'
$cluster['IgnoreNetwork'] = '10.10.1.0/24'
New-Cluster @cluster | Out-Null
$adapter = @{ Name = 'Mgmt' }
Get-NetAdapter @adapter | Out-Null
Get-NetAdapter @notDefined | Out-Null
