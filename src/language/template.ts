import type { StatementVocabulary } from './vocabulary.js';

// `template NAME AGENT { params … meta … utilization … op … }`: a primitive's body that primitives
// made from it share (`primitive X @NAME { … }`); the CIB's `<template id class provider type>` and
// `<primitive id template>`. Pacemaker merges the template into each such primitive: the
// primitive's own sets and ops win over the template's. Build completes the template's ops with the
// agent's defaults, never the primitive's (they would hide the template's).

export const template = { keyword: 'template', context: 'cluster', described: 'a template' } as const satisfies StatementVocabulary;

/** `@NAME` in a primitive's agent place: made from template NAME. */
export const TEMPLATE_PREFIX = '@';

/** The template a primitive's agent word names, if it names one. */
export function templateName(agent: string): string | undefined {
  return agent.startsWith(TEMPLATE_PREFIX) && agent.length > TEMPLATE_PREFIX.length ? agent.slice(TEMPLATE_PREFIX.length) : undefined;
}
