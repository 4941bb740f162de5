#!/usr/bin/env node
// Proves that a rendered apply script honours -WhatIf and -Confirm, with the real PowerShell grammar:
//  (a) its first statement is a param block carrying [CmdletBinding(SupportsShouldProcess ...)] (comments may
//      come before it; PowerShell requires the param block before any statement), and
//  (b) every call of a state-changing cmdlet, and of shutdown.exe, sits inside the then-block of an `if` whose
//      condition asks $PSCmdlet.ShouldProcess(...) (directly, or through a function of the script that does), or
//      inside a function of the script that is itself only called from such guarded places.
// A cmdlet is state-changing when the catalog knows it and its verb is not one of READ_ONLY_VERBS, unless it is
// one of the cmdlets in CHANGES_NOTHING (they only touch the script's own process).
// Usage: node shouldprocess.mjs --catalog <catalog.json[.gz]> FILE...
// Prints one JSON object: {"verbs": {"changing": [...], "readOnly": [...]}, "files": [{file, paramBlockFirst,
// supportsShouldProcess, unguarded: [{line, column, command}]}]}. Exit 0 when read, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { loadCatalog } from './lib/catalog.mjs';
import { createParser } from './lib/parser.mjs';
import { maskGrammarGaps } from './lib/mask.mjs';

/** Verbs of the catalog whose cmdlets only read, or only shape data in the pipeline. */
export const READ_ONLY_VERBS = new Set([
  'get', 'test', 'find', 'search', 'write', 'out', 'convertto', 'convertfrom', 'select', 'where', 'foreach', 'sort',
  'measure', 'compare', 'group', 'join', 'split', 'resolve', 'show', 'read', 'trace', 'wait', 'debug', 'receive',
  'watch', 'tee', 'use',
]);

/** Formatting cmdlets only shape output; every other Format-* (Format-Volume) erases data. */
const FORMATTING_MODULE = 'microsoft.powershell.utility';

/** Cmdlets with a changing verb that change nothing outside the script's own process. */
export const CHANGES_NOTHING = new Set([
  'new-object', 'new-timespan', 'new-guid', 'start-sleep', 'add-type', 'add-member', 'new-variable', 'set-variable',
  'remove-variable', 'clear-variable', 'set-strictmode', 'new-cimsessionoption', 'new-pssessionoption',
  'import-module', 'import-localizeddata', 'import-clixml', 'import-csv',
]);

/** Cmdlets with a read-only verb that write anyway. */
const WRITES_DESPITE_VERB = new Set(['out-file', 'tee-object']);

const NATIVE_CHANGES = new Set(['shutdown.exe']);
const SHOULD_PROCESS = /\$PSCmdlet\s*\.\s*ShouldProcess\s*\(/i;

function parseArgs(argv) {
  const options = { inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--catalog') options.catalog = argv[++i];
    else options.inputs.push(argv[i]);
  }
  if (!options.catalog || options.inputs.length === 0) {
    process.stderr.write('usage: node shouldprocess.mjs --catalog <catalog.json[.gz]> FILE...\n');
    process.exit(2);
  }
  return options;
}

function verbOf(name) {
  const dash = name.indexOf('-');
  return dash > 0 ? name.slice(0, dash).toLowerCase() : '';
}

export function isStateChanging(catalog, commandName) {
  const lower = commandName.toLowerCase();
  if (NATIVE_CHANGES.has(lower.split(/[\\/]/).pop())) return true;
  const cmdlet = catalog.lookup(commandName);
  if (!cmdlet) return false;
  const name = cmdlet.name.toLowerCase();
  if (WRITES_DESPITE_VERB.has(name)) return true;
  if (verbOf(name) === 'format') return String(cmdlet.module).toLowerCase() !== FORMATTING_MODULE;
  return !CHANGES_NOTHING.has(name) && !READ_ONLY_VERBS.has(verbOf(name));
}

export function checkFile(parser, catalog, source) {
  const tree = parser.parse(maskGrammarGaps(source));
  try {
    return new GuardCheck(catalog, source).run(tree.rootNode);
  } finally {
    tree.delete();
  }
}

class GuardCheck {
  constructor(catalog, source) {
    this.catalog = catalog;
    this.source = source;
    this.functions = new Map(); // lower-case name -> function_statement node
    this.calls = []; // {name, node, guarded, inFunction}
  }

  text(node) {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  line(node) {
    const before = this.source.slice(0, node.startIndex);
    return { line: before.split('\n').length, column: node.startIndex - before.lastIndexOf('\n') };
  }

  run(root) {
    const first = root.namedChildren.find((c) => c.type !== 'comment');
    const paramBlockFirst = !!first && first.type === 'param_block';
    let supportsShouldProcess = false;
    if (paramBlockFirst) {
      for (const attr of first.descendantsOfType('attribute')) {
        const name = attr.descendantsOfType('type_identifier')[0];
        if (!name || this.text(name).toLowerCase() !== 'cmdletbinding') continue;
        for (const arg of attr.descendantsOfType('attribute_argument')) {
          const t = this.text(arg).replace(/\s+/g, '').toLowerCase();
          if (t === 'supportsshouldprocess' || t === 'supportsshouldprocess=$true') supportsShouldProcess = true;
        }
      }
    }
    this.collect(root);
    // Functions whose body asks ShouldProcess and returns its answer: calling them in a condition is a guard.
    this.guardFunctions = new Set([...this.functions].filter(([, fn]) => SHOULD_PROCESS.test(this.text(fn))).map(([n]) => n));
    const commands = root.descendantsOfType('command');
    const onlyGuarded = this.functionsOnlyCalledGuarded(commands);
    const unguarded = [];
    for (const command of commands) {
      const name = this.commandName(command);
      if (!name || !isStateChanging(this.catalog, name)) continue;
      if (this.isGuarded(command, onlyGuarded)) continue;
      unguarded.push({ ...this.line(command), command: name });
    }
    return { paramBlockFirst, supportsShouldProcess, unguarded };
  }

  collect(node) {
    if (node.type === 'function_statement') {
      const name = node.namedChildren.find((c) => c.type === 'function_name');
      if (name) this.functions.set(this.text(name).toLowerCase(), node);
    }
    for (const child of node.namedChildren) this.collect(child);
  }

  commandName(command) {
    const plain = command.namedChildren.find((c) => c.type === 'command_name');
    if (plain) return this.text(plain);
    const expr = command.namedChildren.find((c) => c.type === 'command_name_expr');
    if (!expr) return null;
    const inner = expr.descendantsOfType('command_name')[0];
    return inner ? this.text(inner) : this.text(expr).replace(/^['"]|['"]$/g, '');
  }

  /** The function statement a node is written in, or null at script level. */
  enclosingFunction(node) {
    for (let n = node.parent; n; n = n.parent) if (n.type === 'function_statement') return n;
    return null;
  }

  /** True when an `if` around the node (inside the same function) asks ShouldProcess and the node is in its then-block. */
  directlyGuarded(node) {
    for (let n = node; n.parent; n = n.parent) {
      const parent = n.parent;
      if (parent.type === 'function_statement') return false;
      if (parent.type !== 'if_statement' && parent.type !== 'elseif_clause') continue;
      if (n.type !== 'statement_block') continue;
      const condition = parent.namedChildren.find((c) => c.type === 'pipeline');
      if (condition && this.conditionAsks(condition)) return true;
    }
    return false;
  }

  conditionAsks(condition) {
    if (SHOULD_PROCESS.test(this.text(condition))) return true;
    return condition.descendantsOfType('command').some((c) => {
      const name = this.commandName(c);
      return name && this.guardFunctions.has(name.toLowerCase());
    });
  }

  /** Fixpoint: a function is "only called guarded" when every call of it is guarded or in such a function. */
  functionsOnlyCalledGuarded(commands) {
    const callsOf = new Map();
    for (const command of commands) {
      const name = this.commandName(command)?.toLowerCase();
      if (name && this.functions.has(name)) {
        if (!callsOf.has(name)) callsOf.set(name, []);
        callsOf.get(name).push(command);
      }
    }
    const only = new Set();
    let grew = true;
    while (grew) {
      grew = false;
      for (const [name, calls] of callsOf) {
        if (only.has(name) || this.guardFunctions.has(name)) continue;
        if (calls.every((c) => this.isGuarded(c, only))) {
          only.add(name);
          grew = true;
        }
      }
    }
    return only;
  }

  isGuarded(command, onlyGuarded) {
    if (this.directlyGuarded(command)) return true;
    for (let fn = this.enclosingFunction(command); fn; fn = this.enclosingFunction(fn)) {
      const name = fn.namedChildren.find((c) => c.type === 'function_name');
      if (name && onlyGuarded.has(this.text(name).toLowerCase())) return true;
      if (this.directlyGuarded(fn)) return true;
    }
    return false;
  }
}


async function main() {
  const options = parseArgs(process.argv.slice(2));
  const catalog = loadCatalog(options.catalog);
  const parser = await createParser();
  const verbs = new Set([...catalog.byName.values()].map((c) => verbOf(c.name)).filter(Boolean));
  const files = options.inputs.map((file) => {
    const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return { file, ...checkFile(parser, catalog, source) };
  });
  const changing = [...verbs].filter((v) => !READ_ONLY_VERBS.has(v)).sort();
  const readOnly = [...verbs].filter((v) => READ_ONLY_VERBS.has(v)).sort();
  process.stdout.write(JSON.stringify({ verbs: { changing, readOnly }, files }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`shouldprocess: ${e.message}\n`);
  process.exit(2);
});
