$ErrorActionPreference = 'Stop'
Get-ClusterCredential | Out-Null
