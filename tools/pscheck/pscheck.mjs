#!/usr/bin/env node
// Proves rendered PowerShell without Windows: a real PowerShell grammar (tree-sitter-powershell) finds syntax
// errors, and the cmdlet catalog proves every command and -Parameter is documented for the target version.
// Usage: node pscheck.mjs --catalog <catalog.json[.gz]> --target 2016|2019|2022|2025 [--json] FILE|DIR...
// Exit codes: 0 no problems, 1 problems found, 2 bad usage or unreadable input.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from './lib/catalog.mjs';
import { createParser } from './lib/parser.mjs';
import { checkScript } from './lib/check.mjs';

const USAGE = 'usage: node pscheck.mjs --catalog <catalog.json[.gz]> --target 2016|2019|2022|2025 [--json] FILE|DIR...';

function parseArgs(argv) {
  const options = { json: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--catalog' || arg === '--target') options[arg.slice(2)] = argv[++i];
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.inputs.push(arg);
  }
  if (!options.catalog) throw new UsageError('--catalog is required');
  if (!options.target) throw new UsageError('--target is required');
  if (options.inputs.length === 0) throw new UsageError('no script files given');
  return options;
}

class UsageError extends Error {}

/** Files as given; directories expand to their *.ps1 files, recursively, in a stable order. */
function expand(inputs) {
  const files = [];
  const visit = (path) => {
    let stat;
    try { stat = statSync(path); } catch { throw new UsageError(`${path}: no such file or directory`); }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        if (statSync(child).isDirectory() || entry.toLowerCase().endsWith('.ps1')) visit(child);
      }
    } else {
      files.push(path);
    }
  };
  inputs.forEach(visit);
  return files;
}


async function main() {
  const options = parseArgs(process.argv.slice(2));
  const catalog = loadCatalog(options.catalog);
  if (!catalog.versions.includes(options.target)) throw new UsageError(`--target must be one of ${catalog.versions.join(', ')}`);
  const files = expand(options.inputs);
  const parser = await createParser();
  const started = process.hrtime.bigint();
  const problems = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    for (const problem of checkScript(parser, catalog, options.target, source)) problems.push({ file, ...problem });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (options.json) {
    process.stdout.write(JSON.stringify({ target: options.target, files: files.length, seconds, problems }) + '\n');
  } else {
    process.stdout.write(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.kind}: ${p.message}\n`).join(''));
  }
  return problems.length ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  process.stderr.write(`pscheck: ${error instanceof UsageError ? `${error.message}\n${USAGE}` : error.message}\n`);
  process.exitCode = 2;
});
