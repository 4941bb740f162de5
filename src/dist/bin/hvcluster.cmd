@echo off
rem hvcluster launcher for cmd.exe. Needs only Java 17 or newer (JAVA_HOME, or java.exe on the PATH).
rem HVCLUSTER_JAVA_OPTS: extra options for Java (for example -Xmx1g).
rem No parenthesised blocks: a JAVA_HOME such as "C:\Program Files (x86)\..." would end them early.
setlocal
set "HVCLUSTER_HOME=%~dp0.."
if not defined JAVA_HOME goto javaOnPath
set "HVCLUSTER_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%HVCLUSTER_JAVA%" goto run
echo hvcluster: JAVA_HOME is set to "%JAVA_HOME%", which has no bin\java.exe 1>&2
exit /b 4

:javaOnPath
set "HVCLUSTER_JAVA=java.exe"
where java.exe >nul 2>nul
if not errorlevel 1 goto run
echo hvcluster: Java 17 or newer is needed: install it, or set JAVA_HOME to where it is 1>&2
exit /b 4

:run
"%HVCLUSTER_JAVA%" %HVCLUSTER_JAVA_OPTS% -jar "%HVCLUSTER_HOME%\lib\hvcluster.jar" %*
exit /b %ERRORLEVEL%
