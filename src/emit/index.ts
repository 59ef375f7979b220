import type { Catalogue } from '../catalogue/catalogue.js';
import type { CheckedModel } from '../check/check.js';
import { anythingAgentArtifact } from './anything-agent.js';
import type { Artifact } from './artifact.js';
import { cibArtifact } from './cib.js';
import { planCluster } from './plan.js';
import { setupScriptArtifact } from './setup-script.js';
import { summaryArtifact } from './summary.js';

export interface EmitOptions {
  /** `fragment`: cib.xml holds the `<configuration>`; `full`: a complete `<cib>`. Default fragment. */
  readonly cib?: 'fragment' | 'full';
}

/** Every artifact of a build, in a stable order. Pure: no file system, no process. */
export function emitAll(model: CheckedModel, catalogue: Catalogue, options: EmitOptions = {}): Artifact[] {
  const plan = planCluster(model, catalogue);
  const artifacts: Artifact[] = [cibArtifact(plan, { full: options.cib === 'full' }), setupScriptArtifact(plan), summaryArtifact(plan)];
  const usesCommands = model.primitives.some((p) => p.agent.text === 'anything');
  if (usesCommands) artifacts.push(anythingAgentArtifact());
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type { Artifact } from './artifact.js';
