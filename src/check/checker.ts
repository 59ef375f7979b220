import { defaultCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import { resolve, type ClusterModel } from '../model/model.js';
import type { PlatformName } from '../model/platforms.js';
import type * as A from '../syntax/ast.js';
import { compareDiagnostics, type Diagnostic } from '../syntax/diagnostic.js';
import type { ParseResult } from '../syntax/parse.js';
import { forEachChild } from '../syntax/walk.js';
import { lineIndexOf, type Span } from '../syntax/span.js';
import { clusterRules, syntaxRules } from './registry.js';
import type { Report, Rule, RuleContext, RuleVisitor } from './rule.js';

declare const checkedBrand: unique symbol;
/** A model that passed every check with no error. Only `check` makes one; emitters take only this. */
export type CheckedModel = ClusterModel & { readonly [checkedBrand]: true };

export interface CheckOptions {
  readonly target?: PlatformName;
  readonly catalogue?: Catalogue;
  /** The parsed file's model, when the caller has resolved it already (hacc import lowers it too). */
  readonly model?: ClusterModel;
  /** Only the rules that can report an error (a rule's reports are at its severity or below it). */
  readonly errorsOnly?: boolean;
}

export interface CheckResult {
  readonly file: A.HaFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: ClusterModel;
  /** Present only when there are no errors. */
  readonly checked?: CheckedModel;
}

/** The checks of a parsed file (check.ts's checkText parses and checks). */
export function checkParsed(parsed: ParseResult, options: CheckOptions = {}): CheckResult {
  const cluster = parsed.file.cluster;
  const catalogue = options.catalogue ?? defaultCatalogue();
  const model = options.model ?? (cluster ? resolve(parsed.file, cluster, { catalogue, ...(options.target ? { target: options.target } : {}) }) : undefined);
  const diagnostics: Diagnostic[] = [];
  const ignores = ignoreComments(parsed.file);
  const all: readonly Rule[] = model ? [...syntaxRules, ...clusterRules] : syntaxRules;
  const rules = options.errorsOnly ? all.filter((r) => r.severity === 'error') : all;
  const visitors: RuleVisitor[] = [];
  for (const rule of rules) {
    const ctx: RuleContext = {
      // Syntax rules only read `syntax`; cluster rules run only when a model exists.
      model: model as ClusterModel,
      catalogue,
      syntax: parsed.diagnostics,
      // The file's line index only when a rule asks (a large imported file has no comments and rarely a finding).
      line: (node) => lineIndexOf(parsed.file).line(node.start),
      report: <N extends A.Spanned>(r: Report<N>) => {
        const d = toDiagnostic(rule, r);
        if (!ignores.silences(d)) diagnostics.push(d);
      },
    };
    const visitor = rule.check(ctx);
    if (visitor) visitors.push(visitor);
  }
  if (model) walkModel(model, visitors);
  diagnostics.sort(compareDiagnostics);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return {
    file: parsed.file,
    diagnostics,
    ...(model ? { model } : {}),
    ...(model && !hasErrors ? { checked: model as CheckedModel } : {}),
  };
}

/** The one walk over the primitives and the values that every rule's visitor shares (rule.ts's RuleVisitor says why). */
function walkModel(model: ClusterModel, visitors: readonly RuleVisitor[]): void {
  const primitive = visitors.flatMap((v) => (v.primitive ? [v.primitive.bind(v)] : []));
  if (primitive.length > 0) for (const p of model.primitives) for (const visit of primitive) visit(p);
  const value = visitors.flatMap((v) => (v.value ? [v.value.bind(v)] : []));
  if (value.length > 0) for (const v of model.values) for (const visit of value) visit(v);
  for (const v of visitors) v.end?.();
}

function toDiagnostic<N extends A.Spanned>(rule: Rule, r: Report<N>): Diagnostic {
  const target = r.property ? (r.node[r.property] as unknown as A.Spanned | undefined) : undefined;
  return {
    code: rule.code,
    severity: r.severity ?? rule.severity,
    message: r.message,
    span: spanOf(target ?? r.node),
    ...(r.help && r.help.length > 0 ? { help: r.help } : {}),
    ...(r.related ? { related: r.related.map((x) => ({ span: spanOf(x.node), message: x.message })) } : {}),
    ...(r.fix ? { fixes: [{ title: r.fix.title, span: spanOf(r.fix.at ?? target ?? r.node), replacement: r.fix.replacement }] } : {}),
  };
}

/** A diagnostic's own copy of a node's offsets (it outlives the tree). */
function spanOf(node: A.Spanned): Span {
  return { start: node.start, end: node.end };
}

const IGNORE = /^#\s*hacc-ignore\s+(HA\d{3}(?:[\s,]+HA\d{3})*)\s*$/;

/** `# hacc-ignore CODE…` alone on the line before a statement (or a body line) silences those codes in it. */
function ignoreComments(file: A.HaFile) {
  const byLine = new Map<number, Set<string>>();
  // The line index only when there are comments: a large imported file has none.
  const line = (offset: number) => lineIndexOf(file).line(offset);
  for (const c of file.comments) {
    const m = IGNORE.exec(c.text);
    // Alone on its line: a comment after code (`… { # hacc-ignore …`) belongs to that code, and fmt keeps it there.
    const lineStart = file.text.lastIndexOf('\n', c.start - 1) + 1;
    if (m && file.text.slice(lineStart, c.start).trim() === '') byLine.set(line(c.start), new Set(m[1]!.split(/[\s,]+/)));
  }
  return {
    silences(d: Diagnostic): boolean {
      if (byLine.size === 0 || !file.cluster) return false;
      return statementsAround(file.cluster, d.span.start).some((s) => byLine.get(line(s.start) - 1)?.has(d.code) ?? false);
    },
  };
}

/**
 * The statements and body lines (of any depth: a clone's primitive, an op's params) that contain an
 * offset, outermost first: the cluster block itself first (what is said of the whole cluster, as
 * HA401, stands on its name).
 */
export function statementsAround(cluster: A.ClusterDecl, offset: number): A.Spanned[] {
  const out: A.Spanned[] = offset >= cluster.start && offset < cluster.end ? [cluster] : [];
  const visit = (node: A.Node): void => {
    forEachChild(node, (child) => {
      if (child.kind === 'file' || child.kind === 'ident' || child.kind === 'value' || child.kind === 'attr' || offset < child.start || offset >= child.end) return;
      out.push(child);
      visit(child);
    });
  };
  visit(cluster);
  return out;
}
