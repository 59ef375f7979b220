import { rules } from '../check/registry.js';
import type { Diagnostic } from '../syntax/diagnostic.js';
import type { LineIndex, Span } from '../syntax/span.js';
import { HACC_VERSION } from '../version.js';
import { linesOf, positions, type FileReport } from './report.js';

// SARIF 2.1.0 (OASIS), the subset hacc writes. Validated against the OASIS JSON schema in the tests
// (test-support/schemas/sarif-2.1.0.json).

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  /** Just past the last character, as hacc's spans count. */
  readonly endColumn: number;
}

export interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string };
    readonly region: SarifRegion;
  };
  readonly message?: { readonly text: string };
}

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex?: number;
  readonly level: 'error' | 'warning';
  readonly message: { readonly text: string };
  readonly locations: readonly SarifLocation[];
  readonly relatedLocations?: readonly SarifLocation[];
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly [
    {
      readonly tool: { readonly driver: { readonly name: string; readonly version: string; readonly rules: readonly SarifRule[] } };
      readonly columnKind: 'utf16CodeUnits';
      readonly results: readonly SarifResult[];
    },
  ];
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * A file path as a SARIF URI reference: relative paths stay relative (resolved against the directory
 * hacc ran in), absolute ones become file: URIs; each segment is percent-encoded.
 */
export function pathToUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

function region(lines: LineIndex, span: Span): SarifRegion {
  const { start, end } = positions(lines, span);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function location(uri: string, lines: LineIndex, span: Span, message?: string): SarifLocation {
  return {
    physicalLocation: { artifactLocation: { uri }, region: region(lines, span) },
    ...(message !== undefined ? { message: { text: message } } : {}),
  };
}

function messageText(d: Diagnostic): string {
  return [d.message, ...(d.help ?? []).map((h) => `help: ${h}`)].join('\n');
}

export function toSarif(reports: readonly FileReport[]): SarifLog {
  const driverRules: SarifRule[] = rules.map((r) => ({
    id: r.code,
    name: r.name,
    shortDescription: { text: r.docs.summary },
    fullDescription: { text: r.docs.rationale },
    help: { text: r.docs.rationale },
    defaultConfiguration: { level: r.severity },
  }));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const results: SarifResult[] = reports.flatMap((report) => {
    const uri = pathToUri(report.path);
    const lines = linesOf(report);
    return report.diagnostics.map((d) => {
      const ruleIndex = index.get(d.code);
      return {
        ruleId: d.code,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: d.severity,
        message: { text: messageText(d) },
        locations: [location(uri, lines, d.span)],
        ...(d.related && d.related.length > 0 ? { relatedLocations: d.related.map((r) => location(uri, lines, r.span, r.message)) } : {}),
      };
    });
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'hacc', version: HACC_VERSION, rules: driverRules } }, columnKind: 'utf16CodeUnits', results }],
  };
}

export function renderSarif(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toSarif(reports), null, 2)}\n`;
}
