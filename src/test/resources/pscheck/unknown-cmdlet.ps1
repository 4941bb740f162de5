$ErrorActionPreference = 'Stop'
Get-ClusterNode | Out-Null
Get-ClusterNodez -Name 'HV01'
