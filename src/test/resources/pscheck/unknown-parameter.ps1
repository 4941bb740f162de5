$ErrorActionPreference = 'Stop'
New-Cluster -Name 'HVCL01' -Nodes 'HV01', 'HV02' -NoStorage
