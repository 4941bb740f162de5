$ErrorActionPreference = 'Stop'
Get-TargetPortal -IPv4Address '10.0.0.20' | Out-Null
Get-TargetPortal -IPv4Adress '10.0.0.20' | Out-Null
New-Cluster -Name 'HVCL01' -Node 'HV01' -S2D -NoStorage
New-Cluster -Name 'HVCL01' -Node 'HV01' -S3D -NoStorage
Get-TargetPortal -IPv4 '10.0.0.20' | Out-Null
