import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import type { FileReport } from './report.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  readonly color: boolean;
}

/** The one place that turns diagnostics into output. */
export function render(format: Format, reports: readonly FileReport[], options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(reports, options);
    case 'json':
      return renderJson(reports);
    case 'sarif':
      return renderSarif(reports);
    case 'github':
      return renderGithub(reports);
  }
}

export type { FileReport } from './report.js';
