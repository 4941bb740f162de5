$ErrorActionPreference = 'Stop'
Write-Host 'starting'
Get-ClusterNode | ft
Install-WindowsFeature -Name 'Hyper-V' -IncludeManagementTools -Restart
Restart-Computer -Force
Invoke-Expression 'Get-ClusterNode'
Format-Volume -DriveLetter 'E' -FileSystem 'NTFS' | Out-Null
