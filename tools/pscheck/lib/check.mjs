// Checks one PowerShell script: parse errors, then every command against the catalog for one target version.
import { maskGrammarGaps } from './mask.mjs';
import { FORBIDDEN_CMDLETS, FORBIDDEN_PARAMETERS, KEYWORDS, NATIVE_EXECUTABLES, forbiddenByModule } from './policy.mjs';

const DASHES = /^[-\u2013\u2014\u2015]/;
const SPLAT = /^@([A-Za-z_][A-Za-z0-9_]*)$/;
const HASHTABLE_CASTS = /^\[\s*(ordered|hashtable|System\.Collections\.Hashtable|System\.Collections\.Specialized\.OrderedDictionary)\s*\]$/i;
const VARIABLE = /^\$(?:local:|script:)?([A-Za-z_][A-Za-z0-9_]*)$/i;
const MEMBER_KEY = /^\$(?:local:|script:)?([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)$/i;
const INDEX_KEY = /^\$(?:local:|script:)?([A-Za-z_][A-Za-z0-9_]*)\s*\[\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\2\s*\]$/i;
const ADD_KEY = /^\$(?:local:|script:)?([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*Add\(\s*(['"])([A-Za-z_][A-Za-z0-9_]*)\2\s*,/i;

export function checkScript(parser, catalog, target, source) {
  const tree = parser.parse(maskGrammarGaps(source));
  try {
    return new ScriptCheck(catalog, target, source).run(tree.rootNode);
  } finally {
    tree.delete();
  }
}

class ScriptCheck {
  constructor(catalog, target, source) {
    this.catalog = catalog;
    this.target = target;
    this.source = source;
    this.problems = [];
    this.seen = new Set();
    this.functions = new Set();
    this.commands = [];
    this.splatSources = new Map(); // variable (lower case) -> [{index, kind: 'hash'|'add'|'array'|'other', keys}]
  }

  run(root) {
    this.collect(root, false);
    for (const command of this.commands) this.checkCommand(command);
    return this.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  text(node) {
    return this.source.slice(node.startIndex, node.endIndex);
  }

  report(node, kind, message, offset = 0) {
    const point = this.pointAt(node.startIndex + offset);
    const key = `${point.line}:${point.column}:${kind}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ ...point, kind, message });
  }

  /** 1-based line and column (in UTF-16 code units, as the editor shows for BMP text) of a source offset. */
  pointAt(index) {
    const before = this.source.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: index - lineStart + 1 };
  }

  /** One pass over the tree: parse errors, commands, function names, try statements, splat sources. */
  collect(node, insideError) {
    const type = node.type;
    if (node.isMissing) {
      this.report(node, 'parse-error', `missing ${JSON.stringify(type)}`);
    } else if (type === 'ERROR') {
      const snippet = this.text(node).split(/\r?\n/)[0].slice(0, 40);
      this.report(node, 'parse-error', snippet.trim() ? `syntax error at ${JSON.stringify(snippet)}` : 'syntax error: unexpected token or end of input');
      insideError = true;
    } else if (type === 'command') {
      // A command inside an ERROR node is a guess of the parser; the parse error already covers it.
      if (!insideError) this.commands.push(node);
    } else if (type === 'function_statement') {
      const name = node.namedChildren.find((c) => c.type === 'function_name');
      if (name) this.functions.add(this.text(name).toLowerCase());
    } else if (type === 'try_statement') {
      if (!node.children.some((c) => c.type === 'catch_clauses' || c.type === 'finally_clause')) {
        this.report(node, 'try-without-catch', 'try needs a catch or finally block; PowerShell rejects the script');
      }
    } else if (type === 'assignment_expression') {
      this.collectAssignment(node);
    } else if (type === 'invokation_expression') {
      const match = ADD_KEY.exec(this.text(node));
      if (match) this.addSplatSource(match[1], { index: node.startIndex, kind: 'add', keys: [{ name: match[3], node, offset: match.index + match[0].indexOf(match[2] + match[3]) + 1 }] });
    }
    for (let i = 0; i < node.childCount; i++) this.collect(node.child(i), insideError);
  }

  addSplatSource(variable, source) {
    const key = variable.toLowerCase();
    if (!this.splatSources.has(key)) this.splatSources.set(key, []);
    this.splatSources.get(key).push(source);
  }

  collectAssignment(node) {
    const [left, operator, right] = node.children;
    if (!left || !operator || !right) return;
    const leftText = this.text(left).trim();
    const op = this.text(operator);
    let match;
    if ((match = VARIABLE.exec(leftText))) {
      const hash = this.hashLiteral(right);
      if (op === '=') {
        this.addSplatSource(match[1], hash ? { index: node.startIndex, kind: 'hash', keys: this.hashKeys(hash) }
          : { index: node.startIndex, kind: this.isArray(right) ? 'array' : 'other', keys: [] });
      } else if (op === '+=' && hash) {
        this.addSplatSource(match[1], { index: node.startIndex, kind: 'add', keys: this.hashKeys(hash) });
      }
    } else if (op === '=' && (match = MEMBER_KEY.exec(leftText))) {
      this.addSplatSource(match[1], { index: node.startIndex, kind: 'add', keys: [{ name: match[2], node: left, offset: leftText.lastIndexOf(match[2]) }] });
    } else if (op === '=' && (match = INDEX_KEY.exec(leftText))) {
      this.addSplatSource(match[1], { index: node.startIndex, kind: 'add', keys: [{ name: match[3], node: left, offset: leftText.indexOf(match[2] + match[3]) + 1 }] });
    }
  }

  /** The hashtable literal a right-hand side consists of (`@{...}`, `[ordered]@{...}`), or null. */
  hashLiteral(node) {
    node = unwrap(node);
    if (node.type === 'hash_literal_expression') return node;
    if (node.type === 'cast_expression') {
      const type = node.namedChildren.find((c) => c.type === 'type_literal');
      if (type && HASHTABLE_CASTS.test(this.text(type).replace(/@\{[\s\S]*$/, '').trim())) {
        return node.descendantsOfType('hash_literal_expression').find((h) => h.endIndex === node.endIndex) ?? null;
      }
    }
    return null;
  }

  isArray(node) {
    node = unwrap(node);
    return node.type === 'array_expression' || (node.type === 'array_literal_expression' && node.namedChildCount > 1);
  }

  hashKeys(hash) {
    const body = hash.namedChildren.find((c) => c.type === 'hash_literal_body');
    if (!body) return [];
    return body.namedChildren.filter((c) => c.type === 'hash_entry').map((entry) => {
      const keyNode = entry.namedChildren.find((c) => c.type === 'key_expression') ?? entry.namedChild(0);
      return { name: literalKey(this.text(keyNode).trim()), node: keyNode, offset: 0, text: this.text(keyNode).trim() };
    });
  }

  commandName(command) {
    const plain = command.namedChildren.find((c) => c.type === 'command_name');
    if (plain) return { name: this.text(plain), node: plain };
    const expr = command.namedChildren.find((c) => c.type === 'command_name_expr');
    if (!expr) return { name: null, node: command };
    const inner = unwrap(expr);
    if (inner.type === 'command_name') return { name: this.text(inner), node: inner };
    if (inner.type === 'script_block_expression' || this.text(expr).startsWith('{')) return { scriptBlock: true };
    const literal = literalKey(this.text(expr).trim());
    return { name: literal, node: expr, dynamic: literal === null };
  }

  /** True for `$name` when the script declares `[scriptblock]$name` (a parameter typed as a script block). */
  isScriptBlockParameter(expression) {
    const m = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression);
    if (!m) return false;
    if (!this.scriptBlockParams) {
      this.scriptBlockParams = new Set();
      for (const d of this.source.matchAll(/\[scriptblock\]\s*\$([A-Za-z_][A-Za-z0-9_]*)/gi)) this.scriptBlockParams.add(d[1].toLowerCase());
    }
    return this.scriptBlockParams.has(m[1].toLowerCase());
  }

  checkCommand(command) {
    const { name, node, dynamic, scriptBlock } = this.commandName(command);
    if (scriptBlock) return; // & { ... }: its body is checked as ordinary commands
    if (dynamic && this.isScriptBlockParameter(this.text(node).trim())) {
      // `& $Body` where $Body is a [scriptblock] parameter: every block passed in is a literal, and literals
      // are checked where they are written, so nothing escapes the check.
      return;
    }
    if (dynamic || !name) {
      this.report(node, 'dynamic-command', `cannot check a command invoked through an expression (${this.text(node).slice(0, 40)}); call the cmdlet by name`);
      return;
    }
    const cmdlet = this.catalog.lookup(name);
    if (!cmdlet) {
      const lower = name.toLowerCase();
      if (this.functions.has(lower) || KEYWORDS.has(lower)) return;
      if (NATIVE_EXECUTABLES.has(lower.split(/[\\/]/).pop())) return;
      this.report(node, 'unknown-cmdlet', `${name} is not a documented cmdlet, a function defined in this script, or an allowed native program`);
      return;
    }
    const forbidden = FORBIDDEN_CMDLETS.get(cmdlet.name.toLowerCase()) ?? forbiddenByModule(cmdlet);
    if (forbidden) this.report(node, 'forbidden', `${cmdlet.name}: ${forbidden}`);
    if (!cmdlet.versions.includes(this.target)) {
      this.report(node, 'cmdlet-not-in-version', `${cmdlet.name} is not documented for Windows Server ${this.target} (only ${cmdlet.versions.join(', ')})`);
      return;
    }
    const elements = command.namedChildren.find((c) => c.type === 'command_elements');
    if (elements) this.checkElements(cmdlet, elements);
  }

  checkElements(cmdlet, elements) {
    for (const element of elements.namedChildren) {
      const text = this.text(element);
      if (element.type === 'stop_parsing' || text === '--') return;
      if (element.type === 'command_parameter' || (element.type === 'generic_token' && DASHES.test(text) && text.length > 1)) {
        const parameter = text.replace(DASHES, '').replace(/:$/, '');
        if (parameter) this.checkParameter(cmdlet, parameter, element, 0, '');
        continue;
      }
      const splat = SPLAT.exec(text.trim());
      if (splat) this.checkSplat(cmdlet, splat[1], element);
    }
  }

  checkParameter(cmdlet, parameter, node, offset, context) {
    const bound = this.catalog.bind(cmdlet, parameter, this.target);
    if (bound.status === 'ok') {
      const reason = FORBIDDEN_PARAMETERS.get(cmdlet.name.toLowerCase())?.get(bound.parameter.name.toLowerCase());
      if (reason) this.report(node, 'forbidden', `${cmdlet.name} -${bound.parameter.name}${context}: ${reason}`, offset);
      return;
    }
    if (bound.status === 'ambiguous') {
      this.report(node, 'ambiguous-parameter', `-${parameter}${context} is ambiguous for ${cmdlet.name}: it could be -${bound.matches.join(', -')}`, offset);
      return;
    }
    const anyVersion = this.catalog.bind(cmdlet, parameter, null);
    if (anyVersion.status === 'ok') {
      const versions = cmdlet.parameterVersions?.[anyVersion.parameter.name] ?? [];
      this.report(node, 'parameter-not-in-version', `${cmdlet.name} -${anyVersion.parameter.name}${context} is not documented for Windows Server ${this.target} (only ${versions.join(', ')})`, offset);
      return;
    }
    const why = this.catalog.explainUnknown(cmdlet, parameter);
    this.report(node, 'unknown-parameter', `${cmdlet.name} has no parameter -${parameter}${context}${why ? `: ${why}` : ''}`, offset);
  }

  /** The keys of `@name`: the nearest hashtable literal assigned before the call, plus keys added after it. */
  checkSplat(cmdlet, variable, element) {
    const sources = (this.splatSources.get(variable.toLowerCase()) ?? []).filter((s) => s.index < element.startIndex);
    let base = -1;
    for (let i = sources.length - 1; i >= 0; i--) if (sources[i].kind !== 'add') { base = i; break; }
    if (base < 0 || sources[base].kind === 'other') {
      this.report(element, 'unresolved-splat', `cannot see the keys of @${variable}: assign it a hashtable literal (@{ ... }) earlier in this script`);
      return;
    }
    if (sources[base].kind === 'array') return; // array splatting binds positionally: no names to check
    const context = ` (splatted into ${cmdlet.name} through @${variable} on line ${this.pointAt(element.startIndex).line})`;
    for (const source of sources.slice(base)) {
      for (const key of source.keys) {
        if (key.name === null) this.report(key.node, 'unresolved-splat', `splat key ${key.text} of @${variable} is not a literal name`);
        else this.checkParameter(cmdlet, key.name, key.node, key.offset, context);
      }
    }
  }
}

/** Descends through single-child wrappers (pipeline → ... → unary_expression) to the node that carries meaning. */
function unwrap(node) {
  while (node.namedChildCount === 1 && node.namedChild(0).endIndex - node.namedChild(0).startIndex >= node.endIndex - node.startIndex - 2) {
    node = node.namedChild(0);
  }
  return node;
}

/** A bare word or a quoted string without expansion, as a name; null for anything computed. */
function literalKey(text) {
  if (/^[A-Za-z_][A-Za-z0-9_.\\-]*$/.test(text)) return text;
  const quoted = /^'([^']*)'$/.exec(text) ?? /^"([^"$`]*)"$/.exec(text);
  return quoted ? quoted[1] : null;
}
