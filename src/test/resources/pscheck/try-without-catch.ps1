$ErrorActionPreference = 'Stop'
try {
    Get-ClusterNode | Out-Null
}
Write-Output 'done'
