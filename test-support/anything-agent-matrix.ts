// The action matrix of the generated anything agent, shared by the unit suite (stub
// ocf-shellfuncs) and the Pacemaker suite (resource-agents' ocf-shellfuncs): the same assertions
// must hold against both.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentFixture, type AgentFixture, type FixtureOptions } from './anything-agent-harness.js';

const OCF_SUCCESS = 0;
const OCF_ERR_GENERIC = 1;
const OCF_ERR_UNIMPLEMENTED = 3;
const OCF_ERR_INSTALLED = 5;
const OCF_ERR_CONFIGURED = 6;
const OCF_NOT_RUNNING = 7;

const PROBE = { OCF_RESKEY_CRM_meta_interval: '0' };
/** Short enough that a start or stop that never takes effect gives up after about a second. */
const SHORT = { OCF_RESKEY_CRM_meta_timeout: '2000' };

export function describeActionMatrix(options: FixtureOptions): void {
  describe(`anything agent actions (${options.shellfuncs} ocf-shellfuncs)`, () => {
    let fx: AgentFixture;
    beforeEach(() => {
      fx = agentFixture(options);
    });
    afterEach(() => {
      fx.cleanup();
    });

    it('meta-data, usage and help succeed without any parameter', () => {
      const meta = fx.run('meta-data', {});
      expect(meta.status).toBe(OCF_SUCCESS);
      expect(meta.stdout).toContain('<resource-agent name="anything"');
      expect(fx.run('usage', {}).status).toBe(OCF_SUCCESS);
      expect(fx.run('help', {}).status).toBe(OCF_SUCCESS);
    });

    it('rejects an unknown action with OCF_ERR_UNIMPLEMENTED', () => {
      for (const action of ['notify', 'promote', 'reload', 'frobnicate']) {
        expect(fx.run(action, fx.params()).status, action).toBe(OCF_ERR_UNIMPLEMENTED);
      }
    });

    it('validate-all accepts a complete configuration', () => {
      expect(fx.run('validate-all', fx.params()).status).toBe(OCF_SUCCESS);
    });

    it('monitor and probe report a stopped service as not running', () => {
      expect(fx.run('monitor', fx.params()).status).toBe(OCF_NOT_RUNNING);
      expect(fx.run('monitor', fx.params(), PROBE).status).toBe(OCF_NOT_RUNNING);
    });

    it('start waits for the service, is idempotent, and stop is too', () => {
      const p = fx.params(1); // the daemon comes up a second after start_cmd returns
      expect(fx.run('start', p).status).toBe(OCF_SUCCESS);
      expect(fx.run('monitor', p).status).toBe(OCF_SUCCESS);
      expect(fx.run('monitor', p, PROBE).status).toBe(OCF_SUCCESS);
      expect(fx.run('start', p).status).toBe(OCF_SUCCESS); // already running
      expect(fx.run('stop', p).status).toBe(OCF_SUCCESS);
      expect(fx.run('monitor', p).status).toBe(OCF_NOT_RUNNING);
      expect(fx.run('stop', p).status).toBe(OCF_SUCCESS); // already stopped
    });

    it('stop fails while the service is still running after stop_cmd', () => {
      const p = fx.params();
      expect(fx.run('start', p).status).toBe(OCF_SUCCESS);
      const stuck = { ...p, stop_cmd: '/bin/true' };
      const r = fx.run('stop', stuck, SHORT);
      expect(r.status).toBe(OCF_ERR_GENERIC);
      expect(r.stderr).toContain('ocf-exit-reason:');
      expect(fx.run('monitor', p).status).toBe(OCF_SUCCESS);
      expect(fx.run('stop', p).status).toBe(OCF_SUCCESS);
    });

    it('start fails when start_cmd exits 0 but nothing runs', () => {
      const r = fx.run('start', { ...fx.params(), start_cmd: '/bin/true' }, SHORT);
      expect(r.status).toBe(OCF_ERR_GENERIC);
      expect(r.stderr).toContain('ocf-exit-reason:');
    });

    it('start fails at once when start_cmd fails', () => {
      expect(fx.run('start', { ...fx.params(), start_cmd: '/bin/false' }).status).toBe(OCF_ERR_GENERIC);
    });

    it('a missing or blank required parameter is OCF_ERR_CONFIGURED for every action', () => {
      for (const name of ['start_cmd', 'stop_cmd', 'monitor_cmd']) {
        for (const value of [undefined, '  ']) {
          const p: Record<string, string> = { ...fx.params() };
          if (value === undefined) delete p[name];
          else p[name] = value;
          for (const action of ['validate-all', 'start', 'stop', 'monitor']) {
            const r = fx.run(action, p);
            expect(r.status, `${action} without ${name}`).toBe(OCF_ERR_CONFIGURED);
            expect(r.stderr).toContain(name);
          }
        }
      }
    });

    it('an invalid stopped_rc is OCF_ERR_CONFIGURED', () => {
      for (const value of ['0', '7 x', '256', '07', '*']) {
        const r = fx.run('validate-all', { ...fx.params(), stopped_rc: value });
        expect(r.status, value).toBe(OCF_ERR_CONFIGURED);
      }
      expect(fx.run('validate-all', { ...fx.params(), stopped_rc: '3,7' }).status).toBe(OCF_SUCCESS);
    });

    it('a command whose program is not executable is OCF_ERR_INSTALLED', () => {
      const notExec = fx.file('not-executable', '#!/bin/sh\nexit 0\n', 0o644);
      const p = { ...fx.params(), start_cmd: `${notExec} --now` };
      expect(fx.run('validate-all', p).status).toBe(OCF_ERR_INSTALLED);
      expect(fx.run('start', p).status).toBe(OCF_ERR_INSTALLED);
      const missing = { ...fx.params(), stop_cmd: `${fx.dir}/no-such-program` };
      expect(fx.run('validate-all', missing).status).toBe(OCF_ERR_INSTALLED);
      expect(fx.run('validate-all', { ...fx.params(), monitor_cmd: fx.dir }).status).toBe(OCF_ERR_INSTALLED);
    });

    it('a probe where the monitor program is not installed reports not running', () => {
      const p = { ...fx.params(), monitor_cmd: '/nonexistent/hacc/status' };
      expect(fx.run('monitor', p, PROBE).status).toBe(OCF_NOT_RUNNING);
      expect(fx.run('monitor', p).status).toBe(OCF_ERR_INSTALLED); // a recurring monitor
      expect(fx.run('stop', p).status).toBe(OCF_SUCCESS); // nothing of it can run here
    });

    it('maps monitor_cmd exit codes through stopped_rc', () => {
      const p = (rc: number, stoppedRc?: string): Record<string, string> => ({
        ...fx.params(),
        monitor_cmd: `${fx.dir}/status.sh ${rc}`,
        ...(stoppedRc === undefined ? {} : { stopped_rc: stoppedRc }),
      });
      for (const rc of [1, 2, 3, 7]) expect(fx.run('monitor', p(rc)).status, `rc ${rc}`).toBe(OCF_NOT_RUNNING);
      const broken = fx.run('monitor', p(4));
      expect(broken.status).toBe(OCF_ERR_GENERIC);
      expect(broken.stderr).toContain('ocf-exit-reason:');
      expect(fx.run('monitor', p(1, '3')).status).toBe(OCF_ERR_GENERIC);
      expect(fx.run('monitor', p(4, '4 7')).status).toBe(OCF_NOT_RUNNING);
    });

    it('stop fails when monitor_cmd cannot tell that the service stopped', () => {
      const p = fx.params();
      expect(fx.run('start', p).status).toBe(OCF_SUCCESS);
      const blind = { ...p, monitor_cmd: `${fx.dir}/status.sh 4` };
      expect(fx.run('stop', { ...blind, stop_cmd: '/bin/true' }, SHORT).status).toBe(OCF_ERR_GENERIC);
      expect(fx.run('stop', p).status).toBe(OCF_SUCCESS);
    });

    it('an unknown user is OCF_ERR_INSTALLED, and a probe then reports not running', () => {
      const p = { ...fx.params(), user: 'hacc-no-such-user' };
      expect(fx.run('validate-all', p).status).toBe(OCF_ERR_INSTALLED);
      expect(fx.run('monitor', p, PROBE).status).toBe(OCF_NOT_RUNNING);
    });

    it.skipIf(process.getuid?.() !== 0)('runs the commands as user (needs root)', () => {
      const p = {
        ...fx.params(),
        user: 'nobody',
        monitor_cmd: '/bin/sh -c \'test "$(id -un)" = nobody\'',
      };
      expect(fx.run('monitor', p).status).toBe(OCF_SUCCESS);
      expect(fx.run('monitor', { ...p, user: '' }).status).toBe(OCF_NOT_RUNNING);
      expect(fx.run('monitor', { ...p, user: 'root' }).status).toBe(OCF_NOT_RUNNING);
    });
  });
}
