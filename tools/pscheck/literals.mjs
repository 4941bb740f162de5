#!/usr/bin/env node
// For the injection tests: how the PowerShell grammar reads a script's strings. For each file prints one JSON
// line {file, errors, literals: [{line, kind, text}], code}: `errors` counts ERROR/MISSING nodes, `literals`
// lists every string literal as written, and `code` is the source with every string literal and comment
// blanked out, so a test can prove that text from the inventory never lands outside a string.
// Usage: node literals.mjs FILE...
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';
import { maskGrammarGaps } from './lib/mask.mjs';

const STRINGS = new Set(['verbatim_string_characters', 'expandable_string_literal', 'verbatim_here_string_characters',
  'expandable_here_string_literal']);

v8.setFlagsFromString('--liftoff-only');
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(fileURLToPath(new URL('./node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url))));

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  // Same grammar workarounds as the checker; they keep every position, so the ranges below are the source's.
  const tree = parser.parse(maskGrammarGaps(source));
  let errors = 0;
  const literals = [];
  const blanks = [];
  const walk = (node) => {
    if (node.type === 'ERROR' || node.isMissing) errors++;
    if (STRINGS.has(node.type)) {
      literals.push({ line: node.startPosition.row + 1, kind: node.type, text: source.slice(node.startIndex, node.endIndex) });
      blanks.push([node.startIndex, node.endIndex]);
      return;
    }
    if (node.type === 'comment') {
      blanks.push([node.startIndex, node.endIndex]);
      return;
    }
    for (let i = 0; i < node.childCount; i++) walk(node.child(i));
  };
  walk(tree.rootNode);
  const chars = source.split('');
  for (const [s, e] of blanks) for (let i = s; i < e; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  process.stdout.write(JSON.stringify({ file, errors, literals, code: chars.join('') }) + '\n');
}
