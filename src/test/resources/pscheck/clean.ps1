# A well-formed apply script in the project's conventions: passes for Windows Server 2016 to 2025.
$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; $ConfirmPreference = 'None'
function ConvertTo-AsciiJson($InputObject) {
    $json = ConvertTo-Json -InputObject $InputObject -Depth 8 -Compress
    [regex]::Replace($json, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })
}
$result = [ordered]@{ step = 'install-failover-clustering'; changed = $false; error = $null }
try {
    $features = @(Get-WindowsFeature -Name 'Failover-Clustering', 'Hyper-V-PowerShell')
    $missing = @($features | Where-Object { -not $_.Installed } | ForEach-Object { $_.Name })
    if ($missing.Count -gt 0) {
        $install = @{ Name = $missing; IncludeManagementTools = $true }
        $install['ErrorAction'] = 'Stop'
        $outcome = Install-WindowsFeature @install
        $result.changed = $true
        $result.restartNeeded = [string]$outcome.RestartNeeded
    }
    Get-NetAdapter -Name 'Mgmt' -IncludeHidden | Out-Null
    Remove-NetIPAddress -InterfaceAlias 'Mgmt' -IPAddress '10.0.0.9' -Confirm:$false -ErrorAction SilentlyContinue
    $portal = Get-TargetPortal -IPv4Address '10.0.0.20' -ErrorAction SilentlyContinue
    Write-Output (ConvertTo-AsciiJson $result)
    exit 0
} catch {
    $result.error = $_.Exception.Message; [Console]::Error.WriteLine($result.error)
    Write-Output (ConvertTo-AsciiJson $result)
    exit 1
}
