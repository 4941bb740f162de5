// The PowerShell grammar (tree-sitter-powershell, wasm) loaded once per process; shared by pscheck.mjs and
// shouldprocess.mjs.
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

export async function createParser() {
  // The grammar is a 1 MB wasm module. V8's optimizing tier recompiles it in the background for 10+ seconds of
  // CPU, and the process waits for that at exit; the baseline compiler alone parses scripts fast enough.
  v8.setFlagsFromString('--liftoff-only');
  await Parser.init();
  const wasm = fileURLToPath(new URL('../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url));
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser;
}
