import type { Catalogue } from '../catalogue/catalogue.js';
import type { CheckedModel } from '../check/check.js';
import { anythingAgentArtifact } from './anything-agent.js';
import type { Artifact } from './artifact.js';
import { cibArtifact } from './cib.js';
import { planCluster, type ClusterPlan } from './plan.js';
import { setupScriptArtifact } from './setup-script.js';
import { summaryArtifact } from './summary.js';

export interface EmitOptions {
  /** `fragment`: cib.xml holds the `<configuration>`; `full`: a complete `<cib>`. Default fragment. */
  readonly cib?: 'fragment' | 'full';
}

/** Every artifact of a build, in a stable order. Pure: no file system, no process. */
export function emitAll(model: CheckedModel, catalogue: Catalogue, options: EmitOptions = {}): Artifact[] {
  return emitPlanned(planBuild(model, catalogue), options);
}

/** What the artifacts are written from: no part of the syntax tree, which a caller can let go first. */
export interface PlannedBuild {
  readonly plan: ClusterPlan;
  /** The file has command resources: the generated agent is an artifact. */
  readonly usesCommands: boolean;
}

export function planBuild(model: CheckedModel, catalogue: Catalogue): PlannedBuild {
  return { plan: planCluster(model, catalogue), usesCommands: model.primitives.some((p) => p.agent.text === 'anything') };
}

/** emitAll's second half: the artifacts of a plan. */
export function emitPlanned({ plan, usesCommands }: PlannedBuild, options: EmitOptions = {}): Artifact[] {
  const cib = cibArtifact(plan, { full: options.cib === 'full' });
  // A large configuration's setup.sh loads sections of this cib.xml: cut them from it, not made again.
  const artifacts: Artifact[] = [cib, setupScriptArtifact(plan, { cibXml: cib.contents }), summaryArtifact(plan)];
  if (usesCommands) artifacts.push(anythingAgentArtifact());
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type { Artifact } from './artifact.js';
