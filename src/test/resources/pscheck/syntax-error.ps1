$ErrorActionPreference = 'Stop'
$name = 'HVCL01'
Get-ClusterNode | Out-Null
if ($name -eq 'x' {
    Write-Output 'y'
}
