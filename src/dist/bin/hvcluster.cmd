@echo off
rem hvcluster launcher for cmd.exe. Needs only Java 17 or newer (JAVA_HOME, or java.exe on the PATH).
rem HVCLUSTER_JAVA_OPTS: extra options for Java (for example -Xmx1g).
setlocal
set "HVCLUSTER_HOME=%~dp0.."
if defined JAVA_HOME (
  set "HVCLUSTER_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "HVCLUSTER_JAVA=java.exe"
  where java.exe >nul 2>nul || (
    echo hvcluster: Java 17 or newer is needed: install it, or set JAVA_HOME to where it is 1>&2
    exit /b 4
  )
)
"%HVCLUSTER_JAVA%" %HVCLUSTER_JAVA_OPTS% -jar "%HVCLUSTER_HOME%\lib\hvcluster.jar" %*
exit /b %ERRORLEVEL%
