import { afterEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { ActionFact, ParamFact } from '../../src/catalogue/types.js';
import {
  ANYTHING_AGENT_FACT,
  ANYTHING_AGENT_ID,
  ANYTHING_AGENT_PATH,
  anythingAgentArtifact,
  anythingAgentScript,
} from '../../src/emit/anything-agent.js';
import { agentFixture, type AgentFixture } from '../../test-support/anything-agent-harness.js';
import { describeActionMatrix } from '../../test-support/anything-agent-matrix.js';

/** The facts the meta-data XML states, in AgentFact's shape. */
function factsFromMetaData(xml: string): { name: string; params: ParamFact[]; actions: ActionFact[] } {
  const list = (v: unknown): Record<string, string>[] =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v]) as Record<string, string>[];
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const ra = doc['resource-agent'];
  const params = list(ra.parameters.parameter).map((p) => {
    const content = p.content as unknown as Record<string, string>;
    const fact: ParamFact = {
      name: p.name,
      type: content.type as ParamFact['type'],
      required: p.required === '1',
      unique: p.unique === '1',
    };
    if (content.default !== undefined) fact.default = content.default;
    return fact;
  });
  const actions = list(ra.actions.action).map((a) => {
    const fact: ActionFact = { name: a.name };
    for (const key of ['timeout', 'interval', 'role', 'depth'] as const) if (a[key] !== undefined) fact[key] = a[key];
    return fact;
  });
  return { name: ra.name, params, actions };
}

describe('anything agent text', () => {
  let fx: AgentFixture | undefined;
  afterEach(() => {
    fx?.cleanup();
    fx = undefined;
  });

  it('has the agreed id, path and artifact', () => {
    expect(ANYTHING_AGENT_ID).toBe('ocf:hacc:anything');
    expect(ANYTHING_AGENT_FACT.id).toBe(ANYTHING_AGENT_ID);
    expect(ANYTHING_AGENT_PATH).toBe('resource.d/hacc/anything');
    expect(anythingAgentArtifact()).toEqual({ path: ANYTHING_AGENT_PATH, contents: anythingAgentScript(), mode: 0o755 });
  });

  it('is deterministic, POSIX sh, and ends with a newline', () => {
    const script = anythingAgentScript();
    expect(anythingAgentScript()).toBe(script);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script.endsWith('\n')).toBe(true);
    expect(script).toContain(': "${OCF_FUNCTIONS_DIR:=${OCF_ROOT}/lib/heartbeat}"\n');
    expect(script).toContain('. "${OCF_FUNCTIONS_DIR}/ocf-shellfuncs"\n');
  });

  it('has none of the hand-written agent’s bugs', () => {
    const script = anythingAgentScript();
    expect(script).not.toMatch(/mointor/);
    expect(script).not.toMatch(/su - /);
    expect(script).not.toMatch(/result\.txt/);
    expect(script).not.toMatch(/name="test"/);
    expect(script).not.toMatch(/unique="1"/);
    expect(script).not.toMatch(/\blocal |\[\[ |^function |==/m); // bashisms
  });

  it('prints meta-data that states exactly ANYTHING_AGENT_FACT', () => {
    fx = agentFixture({ shellfuncs: 'stub' });
    const r = fx.run('meta-data', {});
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<?xml version="1.0"?>\n<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">\n')).toBe(true);
    expect(r.stdout).toMatch(/<resource-agent name="anything" version="1\.0">/);
    const meta = factsFromMetaData(r.stdout);
    expect(meta.name).toBe('anything');
    expect(meta.params).toEqual(ANYTHING_AGENT_FACT.params);
    expect(meta.actions).toEqual(ANYTHING_AGENT_FACT.actions);
  });

  it('requires the three commands and advises timeouts for every action', () => {
    const required = ANYTHING_AGENT_FACT.params.filter((p) => p.required).map((p) => p.name);
    expect(required).toEqual(['start_cmd', 'stop_cmd', 'monitor_cmd']);
    expect(ANYTHING_AGENT_FACT.params.every((p) => !p.unique)).toBe(true);
    const actions = ANYTHING_AGENT_FACT.actions.map((a) => a.name);
    expect(actions).toEqual(['start', 'stop', 'monitor', 'meta-data', 'validate-all']);
    expect(ANYTHING_AGENT_FACT.actions.every((a) => a.timeout !== undefined)).toBe(true);
    expect(ANYTHING_AGENT_FACT.actions.find((a) => a.name === 'monitor')?.interval).toBeDefined();
  });
});

describeActionMatrix({ shellfuncs: 'stub' });
