$ErrorActionPreference = 'Stop'
Get-NetAdapter -Interface 'Mgmt'
