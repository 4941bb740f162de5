// Workarounds for tree-sitter-powershell 0.26.4 lexing gaps. We hand the parser a copy of the script in which
// the offending characters are replaced by letters. The copy has the same length, so every node's offsets also
// index the original text, and every name the checker reports or looks up is read back from the original.

// 1. A parameter name that contains a digit (-IPv4Address, -S2D) breaks the parse
//    (airbus-cert/tree-sitter-powershell#59). Matched as a dash-word in argument position (after whitespace,
//    `(` or line start). En/em dashes count as dashes, as they do in PowerShell.
const DIGIT_PARAMETER = /(^|[\s(])([-\u2013\u2014\u2015][A-Za-z_][A-Za-z0-9_]*[0-9][A-Za-z0-9_]*)(?=[\s:;)|`]|$)/gm;

// 2. A command name that begins with a keyword and a dash (ForEach-Object, or a function named Data-Disk)
//    breaks the parse at the start of a statement: the grammar lexes the keyword. Its first letter is masked.
const KEYWORD_COMMAND = /(?<![\w$@:.\\/-])(class|data|do|enum|foreach|inlinescript|param|sequence)(?=-[A-Za-z])/gi;

export function maskGrammarGaps(source) {
  return source
    .replace(DIGIT_PARAMETER, (_, before, token) => before + token.replace(/[0-9]/g, 'x'))
    .replace(KEYWORD_COMMAND, (keyword) => 'X' + keyword.slice(1));
}
