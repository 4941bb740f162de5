$ErrorActionPreference = 'Stop'
function Get-HvNodeState([string]$Name) {
    [string](Get-ClusterNode -Name $Name).State
}
ForEach-Object -InputObject 'HV01' -Process { Get-HvNodeState -Name $_ }
Get-HvNodeState -Name 'HV01'
Get-HvNodeStatus -Name 'HV01'
shutdown.exe /r /t 0 /d p:2:4
