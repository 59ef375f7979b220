import type { CheckedModel } from '../check/check.js';
import { anythingAgentArtifact } from './anything-agent.js';
import type { Artifact } from './artifact.js';

/** Every artifact of a build, in a stable order. Pure: no file system, no process. */
export function emitAll(model: CheckedModel): Artifact[] {
  const artifacts: Artifact[] = [];
  const usesCommands = model.primitives.some((p) => p.agent.text === 'anything');
  if (usesCommands) artifacts.push(anythingAgentArtifact());
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type { Artifact } from './artifact.js';
