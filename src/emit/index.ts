import type { Catalogue } from '../catalogue/catalogue.js';
import type { CheckedModel } from '../check/check.js';
import type { FailoverPreview } from '../plan/failover.js';
import { lower, type Lowered } from '../lower/lower.js';
import { anythingAgentArtifact } from './anything-agent.js';
import type { Artifact } from './artifact.js';
import { cibArtifact, cibText } from './cib.js';
import { crmConfArtifact } from './crm-conf.js';
import { platformCommands } from './platform-commands.js';
import { setupScriptArtifact } from './setup-script.js';
import { summaryArtifact } from './summary.js';

export interface EmitOptions {
  /** `fragment`: cib.xml holds the `<configuration>`; `full`: a complete `<cib>`. Default fragment. */
  readonly cib?: 'fragment' | 'full';
  /** SUMMARY.md's failover preview, made by the CLI with crm_simulate (`hacc build --preview`). */
  readonly preview?: FailoverPreview;
}

/** Every artifact of a build, in a stable order. Pure: no file system, no process. */
export function emitAll(model: CheckedModel, catalogue: Catalogue, options: EmitOptions = {}): Artifact[] {
  return emitLowered(lower(model, catalogue), options);
}

/** emitAll's second half: the artifacts of a lowered cluster (no part of the syntax tree, which a caller can let go first). */
export function emitLowered(lowered: Lowered, options: EmitOptions = {}): Artifact[] {
  // cib.xml is written once: setup.sh's bulk load prints its sections as they are.
  const cib = cibText(lowered, { full: options.cib === 'full' });
  const artifacts: Artifact[] = [cibArtifact(cib), setupScriptArtifact(lowered, { cib }), summaryArtifact(lowered, options.preview)];
  if (lowered.cluster.usesCommandAgent) artifacts.push(anythingAgentArtifact());
  // SUSE: the configuration in crmsh's language too, which setup.sh embeds and loads.
  if (platformCommands(lowered.cluster.platform).tool === 'crmsh') artifacts.push(crmConfArtifact(lowered));
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type { Artifact } from './artifact.js';
export type { Lowered } from '../lower/lower.js';
