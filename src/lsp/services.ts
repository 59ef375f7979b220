// The language services of `hacc lsp`, pure: a document's text in, LSP answers out. Diagnostics are
// `hacc check`'s own; formatting is `hacc fmt`'s; names come from the syntax tree (symbols.ts) and
// facts from the catalogue and the vocabulary. The protocol wiring is src/cli/lsp.ts.

import { fileURLToPath } from 'node:url';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { CodeActionKind, CompletionItemKind, DiagnosticSeverity, MarkupKind, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalogue } from '../catalogue/catalogue.js';
import { ANYTHING_AGENT_ID } from '../catalogue/hacc-agents.js';
import { compareVersions, PLATFORM_PACEMAKER_VERSION } from '../catalogue/platforms.js';
import type { AgentFact, ParamFact } from '../catalogue/types.js';
import { checkParsed, type CheckResult } from '../check/checker.js';
import { explainText } from '../check/explain.js';
import { ruleByCode } from '../check/registry.js';
import { SELECT_KINDS } from '../language/alert.js';
import { corosyncKeys, transportsOf } from '../language/corosync.js';
import { keywordsIn, statementKeys } from '../language/index.js';
import { RULE_KEYS } from '../language/rule.js';
import { COMMAND_AGENT } from '../language/primitive.js';
import type { Context } from '../language/vocabulary.js';
import { MACHINE_NAME } from '../language/cluster.js';
import { DEFAULT_PLATFORM, type PlatformName } from '../model/platforms.js';
import { formatHa } from '../print/print.js';
import type * as A from '../syntax/ast.js';
import type { Diagnostic, Fix } from '../syntax/diagnostic.js';
import { parseHa } from '../syntax/parse.js';
import { children } from '../syntax/walk.js';
import type { Span } from '../syntax/span.js';
import { occurrenceAt, occurrences, sameName, type Occurrence } from './symbols.js';

export interface ServiceOptions {
  readonly catalogue: Catalogue;
  readonly target?: PlatformName;
}

/** One version of a document, parsed and checked once; every request on that version reads it. */
export class Analysis {
  /** The version analysed, as it was: the protocol library updates its documents in place. */
  readonly doc: TextDocument;
  readonly result: CheckResult;
  private names?: Occurrence[];

  constructor(
    live: TextDocument,
    readonly options: ServiceOptions,
  ) {
    this.doc = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
    const path = live.uri.startsWith('file:') ? fileURLToPath(live.uri) : live.uri;
    this.result = checkParsed(parseHa(this.doc.getText(), path), { catalogue: options.catalogue, ...(options.target ? { target: options.target } : {}) });
  }

  get file(): A.HaFile {
    return this.result.file;
  }

  get occurrences(): Occurrence[] {
    return (this.names ??= occurrences(this.file));
  }

  range(span: Span): Range {
    return { start: this.doc.positionAt(span.start), end: this.doc.positionAt(span.end) };
  }
}

// Diagnostics ---------------------------------------------------------------------------------

/** `hacc check`'s diagnostics as the protocol carries them: help and related places as related information, fixes as data. */
export function diagnostics(a: Analysis): LspDiagnostic[] {
  return a.result.diagnostics.map((d) => toLsp(a, d));
}

function toLsp(a: Analysis, d: Diagnostic): LspDiagnostic {
  const related = [
    ...(d.related ?? []).map((r) => ({ location: { uri: a.doc.uri, range: a.range(r.span) }, message: r.message })),
    ...(d.help ?? []).map((h) => ({ location: { uri: a.doc.uri, range: a.range(d.span) }, message: `help: ${h}` })),
  ];
  return {
    range: a.range(d.span),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'hacc',
    message: d.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}

// Code actions --------------------------------------------------------------------------------

function edit(a: Analysis, fixes: readonly Fix[]): WorkspaceEdit {
  return { changes: { [a.doc.uri]: fixes.map((f) => ({ range: a.range(f.span), newText: f.replacement })) } };
}

/** The machine-applicable fixes of the diagnostics that touch `range`, as quick fixes. */
export function codeActions(a: Analysis, range: Range): CodeAction[] {
  const [from, to] = [a.doc.offsetAt(range.start), a.doc.offsetAt(range.end)];
  const touching = (d: Diagnostic) => d.span.start <= to && from <= d.span.end;
  const out: CodeAction[] = [];
  for (const d of a.result.diagnostics) {
    if (!touching(d) || !d.fixes) continue;
    for (const f of d.fixes) out.push({ title: `${f.title} (${d.code})`, kind: CodeActionKind.QuickFix, diagnostics: [toLsp(a, d)], edit: edit(a, [f]), isPreferred: true });
  }
  return out;
}

// Formatting ----------------------------------------------------------------------------------

/** `hacc fmt`'s text as one edit; nothing for a file with syntax errors (fmt leaves those alone). */
export function format(a: Analysis): TextEdit[] {
  const r = formatHa(a.doc.getText(), a.doc.uri);
  if (!r.ok || !r.changed) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: a.doc.positionAt(a.doc.getText().length) }, newText: r.text }];
}

// Names ---------------------------------------------------------------------------------------

export function definition(a: Analysis, offset: number): Location[] {
  const o = occurrenceAt(a.occurrences, offset);
  if (!o) return [];
  return sameName(a.occurrences, o)
    .filter((x) => x.declares !== undefined)
    .map((x) => ({ uri: a.doc.uri, range: a.range(x.span) }));
}

export function references(a: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const o = occurrenceAt(a.occurrences, offset);
  if (!o) return [];
  return sameName(a.occurrences, o)
    .filter((x) => includeDeclaration || x.declares === undefined)
    .map((x) => ({ uri: a.doc.uri, range: a.range(x.span) }));
}

/** The name under the cursor, when it can be renamed: one the file declares. */
export function prepareRename(a: Analysis, offset: number): { range: Range; placeholder: string } | undefined {
  const o = occurrenceAt(a.occurrences, offset);
  if (!o || !sameName(a.occurrences, o).some((x) => x.declares !== undefined)) return undefined;
  return { range: a.range(o.span), placeholder: o.name };
}

/** Why the name under the cursor cannot become `newName`, or undefined when it can. */
export function renameProblem(a: Analysis, offset: number, newName: string): string | undefined {
  if (!MACHINE_NAME.test(newName)) return `'${newName}' is not a name: letters, digits, '-', '_' and '.', not '-' or '.' at either end`;
  const o = occurrenceAt(a.occurrences, offset);
  // Two things of one name: the rename would make the file's own error (HA101, HA305).
  if (o && o.name !== newName && a.occurrences.some((x) => x.namespace === o.namespace && x.name === newName && x.declares !== undefined)) {
    return `'${newName}' is already the name of ${o.namespace === 'machine' ? 'a machine' : 'a resource or constraint'} in this file`;
  }
  return undefined;
}

/** The edits of a rename: the declaration and every use, and nothing else (a name that merely contains it is another name). */
export function rename(a: Analysis, offset: number, newName: string): WorkspaceEdit | undefined {
  const o = occurrenceAt(a.occurrences, offset);
  if (!o) return undefined;
  return { changes: { [a.doc.uri]: sameName(a.occurrences, o).map((x) => ({ range: a.range(x.span), newText: newName })) } };
}

// Outline -------------------------------------------------------------------------------------

const SYMBOL_KIND: Record<NonNullable<Occurrence['declares']>, SymbolKind> = {
  node: SymbolKind.Object,
  host: SymbolKind.Object,
  primitive: SymbolKind.Class,
  template: SymbolKind.Interface,
  group: SymbolKind.Package,
  clone: SymbolKind.Package,
  promotable: SymbolKind.Package,
  bundle: SymbolKind.Package,
  'acl-role': SymbolKind.Key,
  location: SymbolKind.Event,
  colocation: SymbolKind.Event,
  order: SymbolKind.Event,
  ticket: SymbolKind.Event,
  tag: SymbolKind.Array,
  alert: SymbolKind.Function,
};

function symbol(a: Analysis, name: A.Ident, whole: Span, kind: NonNullable<Occurrence['declares']>, detail: string, children: DocumentSymbol[] = []): DocumentSymbol {
  return { name: name.text || '?', detail, kind: SYMBOL_KIND[kind], range: a.range(whole), selectionRange: a.range(name), ...(children.length > 0 ? { children } : {}) };
}

function resourceSymbols(a: Analysis, item: A.Statement | A.GroupItem | A.CloneItem | A.BundleItem): DocumentSymbol[] {
  switch (item.kind) {
    case 'primitive':
      return [symbol(a, item.name, item, 'primitive', item.agent.text)];
    case 'group':
      return [symbol(a, item.name, item, 'group', 'group', item.items.flatMap((i) => resourceSymbols(a, i)))];
    case 'clone':
      return [symbol(a, item.name, item, item.keyword.text, item.keyword.text, item.items.flatMap((i) => resourceSymbols(a, i)))];
    case 'bundle':
      return [symbol(a, item.name, item, 'bundle', 'bundle', item.items.flatMap((i) => resourceSymbols(a, i)))];
    default:
      return [];
  }
}

/** The cluster's outline: nodes, resources (groups and clones holding theirs), constraints. */
export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const c = a.file.cluster;
  if (!c) return [];
  const children: DocumentSymbol[] = [];
  for (const s of c.statements) {
    if (s.kind === 'node' || s.kind === 'host') children.push(symbol(a, s.name, s, s.kind, s.kind));
    else if (s.kind === 'location' || s.kind === 'colocation' || s.kind === 'order') children.push(symbol(a, s.name, s, s.kind, `${s.kind} ${s.resource?.text ?? (s.kind === 'location' ? s.attrs.find((x) => x.key.text === 'rsc-pattern')?.value.text : s.sets[0]?.members[0]?.text) ?? ''}`));
    else children.push(...resourceSymbols(a, s));
  }
  return [{ name: c.name.text || 'cluster', detail: 'cluster', kind: SymbolKind.Namespace, range: a.range(c), selectionRange: a.range(c.name), children }];
}

// Hover ---------------------------------------------------------------------------------------

/** The innermost nodes of the tree around an offset, outermost first. */
function pathAt(file: A.HaFile, offset: number): A.Node[] {
  const out: A.Node[] = [];
  const visit = (n: A.Node): void => {
    out.push(n);
    for (const c of children(n)) if (c.kind !== 'file' && c.start <= offset && offset <= c.end) return visit(c);
  };
  if (file.cluster && file.cluster.start <= offset && offset <= file.cluster.end) visit(file.cluster);
  return out;
}

const md = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value } });

function agentHover(agent: AgentFact): string {
  const params = [...agent.params].sort((x, y) => Number(y.required) - Number(x.required));
  const lines = [`**${agent.id}**`, '', '| parameter | type | default |', '|---|---|---|'];
  for (const p of params) lines.push(`| \`${p.name}\`${p.required ? ' (required)' : ''} | ${p.type} | ${p.default ?? ''} |`);
  lines.push('', '| action | advised timeout |', '|---|---|');
  for (const act of agent.actions) lines.push(`| ${act.name}${act.role ? ` (${act.role})` : ''}${act.interval && act.interval !== '0' && act.interval !== '0s' ? ` every ${act.interval}` : ''} | ${act.timeout ?? ''} |`);
  return lines.join('\n');
}

function paramHover(p: ParamFact, owner: string): string {
  const facts = [
    `type ${p.type}`,
    ...(p.default !== undefined ? [`default \`${p.default}\``] : []),
    ...(p.required ? ['required'] : []),
    ...(p.unique ? ['unique: no two resources may share its value'] : []),
    ...(p.deprecated ? [`deprecated${p.obsoletedBy ? `: use \`${p.obsoletedBy}\`` : ''}`] : []),
    ...(p.values ? [`one of ${p.values.map((v) => `\`${v}\``).join(', ')}`] : []),
  ];
  return `**${p.name}** (${owner})\n\n${facts.join('; ')}`;
}

/** The platforms whose Pacemaker knows a property. */
function platformsKnowing(since: string | undefined, until: string | undefined): string[] {
  return Object.entries(PLATFORM_PACEMAKER_VERSION)
    .filter(([, v]) => (since === undefined || compareVersions(v, since) >= 0) && (until === undefined || compareVersions(v, until) <= 0))
    .map(([p]) => p);
}

/** A name under the cursor: what declares it, and where. */
function nameHover(a: Analysis, offset: number): Hover | undefined {
  const o = occurrenceAt(a.occurrences, offset);
  if (!o) return undefined;
  const lines = sameName(a.occurrences, o)
    .filter((x) => x.declares !== undefined)
    .map((x) => {
      const agent = x.declares === 'primitive' ? a.result.model?.primitives.find((p) => p.decl.name.start === x.span.start)?.agent.text : undefined;
      return `**${x.declares}** \`${x.name}\`${agent ? ` (${agent})` : ''}, line ${a.doc.positionAt(x.span.start).line + 1}`;
    });
  return md(lines.length > 0 ? lines.join('\n\n') : `\`${o.name}\`: declared nowhere in this file`);
}

/** What the cursor is on: an agent, a parameter, a meta or op attribute, a property, a rule code in a comment. */
export function hover(a: Analysis, offset: number): Hover | undefined {
  const { catalogue } = a.options;
  const comment = a.file.comments.find((c) => c.start <= offset && offset <= c.end);
  if (comment) {
    for (const m of comment.text.matchAll(/HA\d{3}/g)) {
      const start = comment.start + m.index;
      if (start <= offset && offset <= start + m[0].length) {
        const rule = ruleByCode(m[0]);
        return rule ? md(`\`\`\`text\n${explainText(rule)}\`\`\``) : undefined;
      }
    }
    return undefined;
  }
  const path = pathAt(a.file, offset);
  const leaf = path.at(-1);
  const parent = path.at(-2);
  if (!leaf || leaf.kind !== 'ident') return nameHover(a, offset);
  const primitive = [...path].reverse().find((n): n is A.PrimitiveStmt => n.kind === 'primitive');
  const agentId = primitive && a.result.model?.primitives.find((p) => p.decl === primitive)?.agent.id;
  if (parent?.kind === 'primitive' && leaf === parent.agent) {
    const fact = agentId !== undefined ? catalogue.agent(agentId) : undefined;
    return fact ? md(agentHover(fact)) : undefined;
  }
  if (parent?.kind !== 'attr' || leaf !== parent.key) return nameHover(a, offset);
  const set = path.at(-3);
  const name = leaf.text;
  if (set?.kind === 'attr-set') {
    switch (set.keyword.text) {
      case 'params': {
        const fact = agentId !== undefined ? catalogue.param(agentId, name) : undefined;
        return fact ? md(paramHover(fact, agentId!)) : undefined;
      }
      case 'meta':
      case 'defaults': {
        const fact = catalogue.resourceMeta.find((m) => m.name === name);
        return fact ? md(paramHover(fact, 'resource meta attribute')) : undefined;
      }
      case 'op-defaults': {
        const fact = catalogue.opMeta.find((m) => m.name === name);
        return fact ? md(paramHover(fact, 'operation attribute')) : undefined;
      }
      case 'property': {
        const fact = catalogue.property(name);
        if (!fact) return undefined;
        const known = platformsKnowing(fact.since, fact.until);
        const values = fact.values ? `; one of ${fact.values.map((v) => `\`${v}\``).join(', ')}` : '';
        return md(`**${name}** (cluster property)\n\ntype ${fact.type}${fact.default !== undefined ? `; default \`${fact.default}\`` : ''}${values}\n\nknown on: ${known.join(', ') || 'no platform hacc builds for'}`);
      }
      default:
        return undefined;
    }
  }
  if (set?.kind === 'op') {
    const fact = catalogue.opMeta.find((m) => m.name === name);
    return fact ? md(paramHover(fact, 'operation attribute')) : undefined;
  }
  return undefined;
}

// Completion ----------------------------------------------------------------------------------

/** A `{ … }` open at the cursor: the words of the line that opened it. */
interface Frame {
  readonly words: readonly string[];
}

const BLOCK_CONTEXT: Record<string, Context> = { cluster: 'cluster', node: 'node', primitive: 'primitive', group: 'group', clone: 'clone', promotable: 'clone', op: 'op', alert: 'alert', recipient: 'recipient', sbd: 'sbd', corosync: 'corosync' };

/**
 * The blocks open at an offset and the words of the statement being written there, read from the
 * text itself (strings and comments skipped): half-typed input has no reliable tree.
 */
function scan(text: string, offset: number): { frames: Frame[]; words: string[]; partial: string; inert: boolean } {
  const frames: Frame[] = [];
  let words: string[] = [];
  let i = 0;
  let word = '';
  const endWord = () => {
    if (word !== '') words.push(word);
    word = '';
  };
  // The cursor inside a comment or a string: nothing to complete there.
  let inert = false;
  while (i < offset) {
    const ch = text[i]!;
    if (ch === '#') {
      endWord();
      while (i < offset && text[i] !== '\n') i++;
      inert = i === offset;
      continue;
    }
    if (ch === '"') {
      // A string ends at its quote, or unterminated at the end of its line (as the lexer reads it).
      let j = i + 1;
      while (j < offset && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      const closed = j < offset && text[j] === '"';
      word += text.slice(i, Math.min(closed ? j + 1 : j, offset));
      inert = j >= offset;
      i = closed ? j + 1 : j;
      continue;
    }
    if (ch === '{') {
      endWord();
      frames.push({ words });
      words = [];
    } else if (ch === '}') {
      endWord();
      frames.pop();
      words = [];
    } else if (ch === '\n') {
      endWord();
      words = [];
    } else if (ch === ' ' || ch === '\t' || ch === '\r') endWord();
    else word += ch;
    i++;
  }
  return { frames, words, partial: word, inert };
}

function items(labels: Iterable<string>, kind: CompletionItemKind, detail?: string): CompletionItem[] {
  return [...new Set(labels)].map((label) => ({ label, kind, ...(detail ? { detail } : {}) }));
}

function agentOf(a: Analysis, frames: readonly Frame[]): AgentFact | undefined {
  for (const f of [...frames].reverse()) {
    if (f.words[0] !== 'primitive') continue;
    const written = f.words[2];
    const known = a.result.model?.primitives.find((p) => p.name === f.words[1]);
    const id = known?.agent.id ?? (written === COMMAND_AGENT ? ANYTHING_AGENT_ID : written);
    return id !== undefined ? a.options.catalogue.agent(id) : undefined;
  }
  return undefined;
}

function names(a: Analysis, namespace: Occurrence['namespace'], kinds?: readonly string[]): string[] {
  return a.occurrences.filter((o) => o.namespace === namespace && o.declares !== undefined && (!kinds || kinds.includes(o.declares))).map((o) => o.name);
}

function valuesOf(fact: ParamFact | undefined): CompletionItem[] {
  return fact?.values ? items(fact.values, CompletionItemKind.EnumMember) : fact?.type === 'boolean' ? items(['true', 'false'], CompletionItemKind.EnumMember) : [];
}

const RESOURCE_KINDS = ['primitive', 'group', 'clone', 'promotable'];

/** What may be written at the cursor: keywords, agents, parameters, op names, allowed values, properties, names. */
export function completion(a: Analysis, offset: number): CompletionItem[] {
  const { catalogue } = a.options;
  const { frames, words, partial, inert } = scan(a.doc.getText(), offset);
  if (inert) return [];
  const block = frames.at(-1)?.words[0];
  const context: Context | undefined = block === undefined ? undefined : BLOCK_CONTEXT[block];
  const head = words[0];
  const agent = agentOf(a, frames);
  // A value: key=partial.
  const eq = partial.indexOf('=');
  if (eq > 0) {
    const key = partial.slice(0, eq);
    if (head === 'params' && agent) return valuesOf(catalogue.param(agent.id, key));
    if (head === 'property') return valuesOf(catalogue.property(key) as ParamFact | undefined);
    if (head === 'meta' || head === 'defaults') return valuesOf(catalogue.resourceMeta.find((m) => m.name === key));
    if (head === 'op' || head === 'op-defaults') return valuesOf(catalogue.opMeta.find((m) => m.name === key));
    return [];
  }
  if (head === undefined) {
    if (context === undefined) return items(['cluster'], CompletionItemKind.Keyword);
    const out = items(keywordsIn(context), CompletionItemKind.Keyword);
    // A group or clone also lists members by name.
    if (context === 'group' || context === 'clone') out.push(...items(names(a, 'id', ['primitive', ...(context === 'clone' ? ['group'] : [])]), CompletionItemKind.Reference));
    return out;
  }
  const n = words.length; // words before the partial one
  switch (head) {
    case 'primitive':
      if (n === 2) return [...items([COMMAND_AGENT], CompletionItemKind.Module, 'hacc command resource'), ...items(catalogue.agentIds(), CompletionItemKind.Module)];
      return [];
    case 'op':
      if (n === 1) return agent ? items(agent.actions.map((x) => x.name), CompletionItemKind.Function, agent.id) : [];
      return items(catalogue.opMeta.map((m) => `${m.name}=`), CompletionItemKind.Property);
    case 'params':
      if (!agent) return [];
      return [...agent.params]
        .sort((x, y) => Number(y.required) - Number(x.required))
        .map((p, i) => ({ label: `${p.name}=`, kind: CompletionItemKind.Property, detail: p.required ? 'required' : p.type, sortText: `${p.required ? 0 : 1}${String(i).padStart(4, '0')}` }));
    case 'meta':
    case 'defaults':
      return items(catalogue.resourceMeta.map((m) => `${m.name}=`), CompletionItemKind.Property);
    case 'op-defaults':
      return items(catalogue.opMeta.map((m) => `${m.name}=`), CompletionItemKind.Property);
    case 'property':
      return items(catalogue.propertyNames().map((p) => `${p}=`), CompletionItemKind.Property);
    case 'node':
    case 'host':
      return n >= 2 ? items((statementKeys(head) ?? []).map((k) => `${k}=`), CompletionItemKind.Property) : [];
    case 'location':
      if (n === 2) return items(names(a, 'id', RESOURCE_KINDS), CompletionItemKind.Reference);
      if (n === 3) return items(['prefers', 'avoids', 'rule', ...(statementKeys('location') ?? []).map((k) => `${k}=`)], CompletionItemKind.Keyword);
      // After `rule`: its own keys; the expression is free text (pcs's).
      if (words.includes('rule')) return words[n - 1] === 'rule' ? items(RULE_KEYS.map((k) => `${k.name}=`), CompletionItemKind.Property) : [];
      return words[n - 1] === 'prefers' || words[n - 1] === 'avoids' || n > 4 ? items(names(a, 'machine', ['node']), CompletionItemKind.Reference) : [];
    case 'colocation':
    case 'order':
      if (n === 2 || n === 4) return items(names(a, 'id', RESOURCE_KINDS), CompletionItemKind.Reference);
      if (n === 3) return items([head === 'colocation' ? 'with' : 'then'], CompletionItemKind.Keyword);
      return items((statementKeys(head) ?? []).map((k) => `${k}=`), CompletionItemKind.Property);
    case 'fencing-level':
      // fencing-level INDEX NODE|target-…= DEVICES [id=]
      if (n === 2) return [...items(names(a, 'machine', ['node']), CompletionItemKind.Reference), ...items(['target-pattern=', 'target-attribute='], CompletionItemKind.Property)];
      if (n === 3) return items(names(a, 'id', ['primitive']), CompletionItemKind.Reference);
      return items(['id='], CompletionItemKind.Property);
    case 'select':
      return items([...SELECT_KINDS.filter((k) => k !== 'attributes'), 'attributes', 'attributes='], CompletionItemKind.Keyword);
    case 'recipient':
      return n >= 3 ? items((statementKeys(head) ?? []).map((k) => `${k}=`), CompletionItemKind.Property) : [];
    default:
      if (context === 'sbd') return items((statementKeys(head) ?? []).map((k) => `${k}=`), CompletionItemKind.Property);
      if (context === 'corosync') {
        // The keys this line takes for the file's transport and platform (HA414's list).
        const model = a.result.model;
        if (head === 'transport' && n === 1) return items(transportsOf(model?.platform ?? DEFAULT_PLATFORM), CompletionItemKind.EnumMember);
        const keys = corosyncKeys(head, model?.corosync.transport ?? 'knet', model?.platform ?? DEFAULT_PLATFORM);
        return typeof keys === 'string' ? [] : items(keys.map((k) => `${k.name}=`), CompletionItemKind.Property);
      }
      return [];
  }
}
