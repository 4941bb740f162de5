# Copied from the STEPS-REFERENCE.md section A block (script conventions).
$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue'; $ConfirmPreference = 'None'
try { [Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false } catch { }
function ConvertTo-AsciiJson($InputObject) {
    $json = ConvertTo-Json -InputObject $InputObject -Depth 8 -Compress
    [regex]::Replace($json, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })
}
$result = [ordered]@{ step = 'rename-adapters'; changed = $false; error = $null }
try {
    # re-check state; change only what differs; set $result.changed
    Write-Output (ConvertTo-AsciiJson $result)
    exit 0
} catch {
    $result.error = $_.Exception.Message; [Console]::Error.WriteLine($result.error)
    Write-Output (ConvertTo-AsciiJson $result)
    exit 1
}
