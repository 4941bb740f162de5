// What hvcluster allows in rendered scripts beyond "documented cmdlet". Keep every list here, short and explicit.

/** Cmdlets the project forbids, after alias resolution (so `ft`, `iex` are caught too). */
export const FORBIDDEN_CMDLETS = new Map([
  ['write-host', 'writes to the host, not stdout; under -EncodedCommand it can arrive as CLIXML on stderr (STEPS-REFERENCE A: output contract)'],
  ['invoke-expression', 'runs text as code; rendered scripts must be fully visible and checkable'],
  ['restart-computer', 'reboots are orchestrated by hvcluster separately, never from inside a step script'],
]);

/** Formatting cmdlets of Microsoft.PowerShell.Utility (Format-Table, -List, -Wide, -Custom, -Hex); Storage's Format-Volume is fine. */
export function forbiddenByModule(cmdlet) {
  if (cmdlet.module === 'Microsoft.PowerShell.Utility' && cmdlet.name.toLowerCase().startsWith('format-')) {
    return 'Format-* cmdlets produce host formatting objects, not data; stdout must be exactly one JSON line (STEPS-REFERENCE A)';
  }
  return null;
}

/** Parameters the project forbids on a given cmdlet, by canonical parameter name (after prefix/alias binding). */
export const FORBIDDEN_PARAMETERS = new Map([
  ['install-windowsfeature', new Map([
    ['restart', 'reboots are orchestrated by hvcluster separately; the step reports RestartNeeded instead'],
  ])],
]);

/**
 * Native executables a script may call. Matched on the last path segment, case-insensitively, so
 * `C:\Windows\System32\shutdown.exe` counts as shutdown.exe. The `.exe` is required on purpose: it keeps
 * a misspelled cmdlet from passing as a native program.
 */
export const NATIVE_EXECUTABLES = new Set([
  'shutdown.exe',
  'powershell.exe',
]);

/**
 * PowerShell keywords that tree-sitter-powershell 0.26.4 sometimes parses as a command name
 * (`using namespace X`, `dynamicparam { }`, `configuration C { }`). They are language, not commands.
 */
export const KEYWORDS = new Set([
  'begin', 'break', 'catch', 'class', 'configuration', 'continue', 'data', 'define', 'do', 'dynamicparam', 'else',
  'elseif', 'end', 'enum', 'exit', 'filter', 'finally', 'for', 'foreach', 'from', 'function', 'hidden', 'if', 'in',
  'inlinescript', 'param', 'parallel', 'process', 'return', 'sequence', 'static', 'switch', 'throw', 'trap', 'try',
  'until', 'using', 'var', 'while', 'workflow',
]);
