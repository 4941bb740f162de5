$ErrorActionPreference = 'Stop'
New-Cluster -Name 'HVCL01' -Node 'HV01', 'HV02' -ManagementPointNetworkType 'Singleton'
