// The cmdlet catalog (src/test/resources/ps-catalog/README.md) and the parameter binder's name rules.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

// Windows PowerShell 5.1 is the in-box shell on every supported Windows Server version.
const TARGET_POWERSHELL = [5, 1];

export function loadCatalog(path) {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return new Catalog(JSON.parse(bytes.toString('utf8')));
}

function newerThanTarget(version) {
  const [major, minor = 0] = String(version).split('.').map(Number);
  return major > TARGET_POWERSHELL[0] || (major === TARGET_POWERSHELL[0] && minor > TARGET_POWERSHELL[1]);
}

export class Catalog {
  constructor(json) {
    this.versions = json.versions;
    this.byName = new Map();
    this.byAlias = new Map();
    for (const [name, cmdlet] of Object.entries(json.cmdlets)) {
      const entry = { name, ...cmdlet };
      this.byName.set(name.toLowerCase(), entry);
      for (const alias of cmdlet.aliases ?? []) this.byAlias.set(alias.toLowerCase(), entry);
    }
    this.common = json.commonParameters.map((p) => ({ ...p, common: true, tooNew: !!p.addedInPowerShell && newerThanTarget(p.addedInPowerShell) }));
    this.risk = json.riskMitigationParameters.map((p) => p.name.toLowerCase());
    this.candidateCache = new Map();
  }

  /** Rule 1: name, then cmdlet alias; also accepts a module-qualified name (Module\Cmdlet). */
  lookup(commandName) {
    let key = commandName.toLowerCase();
    const slash = key.lastIndexOf('\\');
    if (slash > 0) {
      const found = this.byName.get(key.slice(slash + 1));
      return found && found.module.toLowerCase() === key.slice(0, slash) ? found : undefined;
    }
    return this.byName.get(key) ?? this.byAlias.get(key);
  }

  /** Rule 2: every parameter of every set, for one version (or for any version when version is null). */
  candidates(cmdlet, version) {
    const cacheKey = `${cmdlet.name}|${version}`;
    let list = this.candidateCache.get(cacheKey);
    if (list) return list;
    const own = new Map();
    for (const set of Object.values(cmdlet.parameterSets)) {
      for (const [name, p] of Object.entries(set)) {
        const versions = cmdlet.parameterVersions?.[name];
        if (version && versions && !versions.includes(version)) continue;
        if (!own.has(name.toLowerCase())) own.set(name.toLowerCase(), { name, aliases: p.aliases ?? [], common: false });
      }
    }
    list = [...own.values()];
    if (cmdlet.supportsCommonParameters) list.push(...this.common.filter((p) => !p.tooNew && !own.has(p.name.toLowerCase())));
    this.candidateCache.set(cacheKey, list);
    return list;
  }

  /**
   * Rule 3. Returns {status: 'ok'|'unknown'|'ambiguous', parameter?, matches?}.
   * Exact name or alias first, then a unique prefix of names and aliases, preferring the cmdlet's own parameters.
   */
  bind(cmdlet, text, version) {
    const wanted = text.toLowerCase();
    const candidates = this.candidates(cmdlet, version);
    const exact = candidates.find((p) => p.name.toLowerCase() === wanted || p.aliases.some((a) => a.toLowerCase() === wanted));
    if (exact) return { status: 'ok', parameter: exact };
    let matches = candidates.filter((p) => p.name.toLowerCase().startsWith(wanted) || p.aliases.some((a) => a.toLowerCase().startsWith(wanted)));
    if (matches.length === 1) return { status: 'ok', parameter: matches[0] };
    if (matches.length === 0) return { status: 'unknown' };
    const own = matches.filter((p) => !p.common);
    if (own.length === 1) return { status: 'ok', parameter: own[0] };
    const describe = (p) => {
      const viaAlias = !p.name.toLowerCase().startsWith(wanted) && p.aliases.find((a) => a.toLowerCase().startsWith(wanted));
      return viaAlias ? `${p.name} (alias ${viaAlias})` : p.name;
    };
    return { status: 'ambiguous', matches: (own.length ? own : matches).map(describe) };
  }

  /** Why a name that does not bind might still look plausible: -WhatIf/-Confirm or a PowerShell 7 common parameter. */
  explainUnknown(cmdlet, text) {
    const wanted = text.toLowerCase();
    const risk = ['whatif', 'wi', 'confirm', 'cf'];
    if (risk.includes(wanted)) return `${cmdlet.name} does not document -WhatIf/-Confirm (no ShouldProcess support)`;
    const tooNew = this.common.find((p) => p.tooNew && (p.name.toLowerCase() === wanted || p.aliases.some((a) => a.toLowerCase() === wanted)));
    if (tooNew) return `-${tooNew.name} exists only from PowerShell ${tooNew.addedInPowerShell}; the target runs Windows PowerShell 5.1`;
    if (!cmdlet.supportsCommonParameters && this.common.some((p) => p.name.toLowerCase() === wanted)) return `${cmdlet.name} does not take common parameters`;
    return null;
  }
}
