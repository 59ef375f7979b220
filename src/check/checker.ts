import { defaultCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import { buildModel, type ClusterModel } from '../model/model.js';
import type { PlatformName } from '../model/platforms.js';
import * as A from '../syntax/ast.js';
import { compareDiagnostics, type Diagnostic } from '../syntax/diagnostic.js';
import type { ParseResult } from '../syntax/parse.js';
import type { Spanned } from '../syntax/span.js';
import { clusterRules, syntaxRules } from './registry.js';
import type { Report, Rule, RuleContext } from './rule.js';

declare const checkedBrand: unique symbol;
/** A model that passed every check with no error. Only `check` makes one; emitters take only this. */
export type CheckedModel = ClusterModel & { readonly [checkedBrand]: true };

export interface CheckOptions {
  readonly target?: PlatformName;
  readonly catalogue?: Catalogue;
}

export interface CheckResult {
  readonly file: A.HaFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: ClusterModel;
  /** Present only when there are no errors. */
  readonly checked?: CheckedModel;
}

/**
 * The checks of a parsed file. check.ts's checkText parses and checks; the CLI parses on its own
 * so that chevrotain loads only for a file with syntax errors (see syntax/parse-lazy.ts).
 */
export function checkParsed(parsed: ParseResult, options: CheckOptions = {}): CheckResult {
  const cluster = parsed.file.cluster;
  const model = cluster ? buildModel(parsed.file, cluster, options.target) : undefined;
  const diagnostics: Diagnostic[] = [];
  const ignores = ignoreComments(parsed.file);
  const rules: readonly Rule[] = model ? [...syntaxRules, ...clusterRules] : syntaxRules;
  for (const rule of rules) {
    const ctx: RuleContext = {
      // Syntax rules only read `syntax`; cluster rules run only when a model exists.
      model: model as ClusterModel,
      catalogue: options.catalogue ?? defaultCatalogue(),
      syntax: parsed.diagnostics,
      report: <N extends Spanned>(r: Report<N>) => {
        const d = toDiagnostic(rule, r);
        if (!ignores.silences(d, model)) diagnostics.push(d);
      },
    };
    rule.check(ctx);
  }
  diagnostics.sort(compareDiagnostics);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return {
    file: parsed.file,
    diagnostics,
    ...(model ? { model } : {}),
    ...(model && !hasErrors ? { checked: model as CheckedModel } : {}),
  };
}

function toDiagnostic<N extends Spanned>(rule: Rule, r: Report<N>): Diagnostic {
  const target = r.property ? (r.node[r.property] as unknown as Spanned | undefined) : undefined;
  return {
    code: rule.code,
    severity: rule.severity,
    message: r.message,
    span: (target ?? r.node).span,
    ...(r.help && r.help.length > 0 ? { help: r.help } : {}),
    ...(r.related ? { related: r.related.map((x) => ({ span: x.node.span, message: x.message })) } : {}),
  };
}

const IGNORE = /^#\s*hacc-ignore\s+(HA\d{3}(?:[\s,]+HA\d{3})*)\s*$/;

/** `# hacc-ignore CODE…` alone on the line before a statement silences those codes in it. */
function ignoreComments(file: A.HaFile) {
  const byLine = new Map<number, Set<string>>();
  for (const c of file.comments) {
    const m = IGNORE.exec(c.text);
    if (m) byLine.set(c.span.start.line, new Set(m[1]!.split(/[\s,]+/)));
  }
  return {
    silences(d: Diagnostic, model: ClusterModel | undefined): boolean {
      if (byLine.size === 0 || !model) return false;
      return statementsAround(model.cluster, d.span.start.offset).some(
        (s) => byLine.get(s.span.start.line - 1)?.has(d.code) ?? false,
      );
    },
  };
}

/** The statements (and primitive body lines) that contain an offset, outermost first. */
function statementsAround(cluster: A.ClusterDecl, offset: number): Spanned[] {
  const inside = (s: Spanned) => s.span.start.offset <= offset && offset < s.span.end.offset;
  const out: Spanned[] = [];
  const primitive = (p: A.PrimitiveDecl) => {
    out.push(p);
    for (const item of p.items) {
      const line = A.primitiveItemNode(item);
      if (inside(line)) out.push(line);
    }
  };
  for (const s of cluster.statements) {
    if (!inside(s)) continue;
    if (s.kind === 'primitive') primitive(s);
    else out.push(s);
    if (s.kind === 'group') {
      for (const item of s.items) if (item.kind === 'primitive' && inside(item.primitive)) primitive(item.primitive);
    }
  }
  return out;
}
