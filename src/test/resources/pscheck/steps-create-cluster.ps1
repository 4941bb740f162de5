# Copied from the STEPS-REFERENCE.md step 6 block (create-cluster).
$sig = '[DllImport("advapi32.dll", SetLastError = true, CharSet = CharSet.Unicode)] public static extern bool LogonUser(string user, string domain, string password, int logonType, int provider, out Microsoft.Win32.SafeHandles.SafeAccessTokenHandle token);'
$api = Add-Type -MemberDefinition $sig -Name 'NetOnlyLogon' -Namespace 'HvCluster' -PassThru
$token = $null
if (-not $api::LogonUser($user, $domain, $password, 9, 3, [ref]$token)) { throw 'LogonUser failed' }
$ctx = (New-Object -TypeName System.Security.Principal.WindowsIdentity -ArgumentList $token.DangerousGetHandle()).Impersonate()
try {
    $p = @{ Name = 'HVCL01'; Node = @('HV01', 'HV02'); StaticAddress = @('10.0.0.50'); NoStorage = $true; IgnoreNetwork = @('10.10.1.0/24'); Force = $true }
    New-Cluster @p | Out-Null
} finally { $ctx.Undo(); $ctx.Dispose(); $token.Dispose() }
