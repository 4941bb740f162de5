#Requires -Version 5.1
<#
.SYNOPSIS
hvcluster launcher for Windows PowerShell 5.1 and PowerShell 7 (Windows, Linux, macOS).

.DESCRIPTION
Runs lib\hvcluster.jar with Java 17 or newer: JAVA_HOME when set, else java on the PATH.
HVCLUSTER_JAVA_OPTS holds extra options for Java (for example -Xmx1g). The exit code is hvcluster's.
Run 'hvcluster.ps1 help' for the commands.
#>
$ErrorActionPreference = 'Stop'
$hvclusterHome = Split-Path -Parent $PSScriptRoot
$jar = Join-Path (Join-Path $hvclusterHome 'lib') 'hvcluster.jar'
if ($env:JAVA_HOME) {
    $java = Join-Path (Join-Path $env:JAVA_HOME 'bin') 'java'
} else {
    $java = 'java'
}
if (-not (Get-Command -Name $java -ErrorAction SilentlyContinue)) {
    [Console]::Error.WriteLine('hvcluster: Java 17 or newer is needed: install it, or set JAVA_HOME to where it is')
    exit 4
}
$javaOptions = @()
if ($env:HVCLUSTER_JAVA_OPTS) {
    $javaOptions = @($env:HVCLUSTER_JAVA_OPTS -split '\s+' | Where-Object { $_ })
}
& $java @javaOptions -jar $jar @args
exit $LASTEXITCODE
