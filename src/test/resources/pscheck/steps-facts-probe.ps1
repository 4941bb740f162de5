# Copied from the STEPS-REFERENCE.md section B block (facts probe).
$cv  = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$os  = Get-CimInstance -ClassName Win32_OperatingSystem
$cs  = Get-CimInstance -ClassName Win32_ComputerSystem
$cpu = @(Get-CimInstance -ClassName Win32_Processor)
$facts = [ordered]@{
    installationType = [string]$cv.InstallationType; editionId = [string]$cv.EditionID; build = [int]$cv.CurrentBuildNumber
    lastBootUtc = $os.LastBootUpTime.ToUniversalTime().ToString('o'); depAvailable = [bool]$os.DataExecutionPrevention_Available
    hypervisorPresent = [bool]$cs.HypervisorPresent; vtFirmware = (@($cpu | Where-Object { $_.VirtualizationFirmwareEnabled }).Count -gt 0)
    partOfDomain = [bool]$cs.PartOfDomain; domain = [string]$cs.Domain
    disks = @(Get-Disk | ForEach-Object { [ordered]@{ number = [int]$_.Number; serial = ([string]$_.SerialNumber).Trim(); uniqueId = [string]$_.UniqueId
        guid = ([string]$_.Guid).Trim('{}'); partitionStyle = [string]$_.PartitionStyle; size = [uint64]$_.Size; isClustered = [bool]$_.IsClustered } })
}
$clus = [ordered]@{ service = 'absent'; member = $false; name = $null; nodes = @() }
$svc = Get-Service -Name 'ClusSvc' -ErrorAction SilentlyContinue
if ($svc) { $clus.service = [string]$svc.Status }
if ($svc -and $svc.Status -eq 'Running' -and (Get-Command -Name 'Get-Cluster' -ErrorAction SilentlyContinue)) {
    $clus.member = $true; $clus.name = [string](Get-Cluster).Name
    $clus.nodes = @(Get-ClusterNode | ForEach-Object { [ordered]@{ name = [string]$_.Name; state = [string]$_.State; drain = [string]$_.DrainStatus } })
}
$pfro = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager').PendingFileRenameOperations.Length -gt 0
