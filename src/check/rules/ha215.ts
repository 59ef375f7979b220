import { bundleLineValues } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const pair = (line: A.BundleLine | undefined, key: string) => bundleLineValues(line).get(key);

export const ha215: Rule = {
  code: 'HA215',
  name: 'bundle-unreachable',
  severity: 'error',
  docs: {
    summary: "A bundle Pacemaker cannot run as written: a primitive it cannot reach (no ip-range-start or control-port), control-port with several replicas per host, a port-map with the host's network or without a port, a storage-map without both directories or with a relative one.",
    rationale:
      "Pacemaker reaches the primitive of a bundle through pacemaker-remote inside each container, at the replica's own address (ip-range-start) or at the host's on control-port: with neither it refuses the bundle (\"Cannot control … without either ip-range-start or control-port\") and nothing in it runs. control-port needs replicas-per-host=1 (one port per host), and Pacemaker forces it. A container on the host's network (network=host) shares the host's ports, so a port-map has nothing to map. A storage-map binds a host directory into the container: both directories are needed, and a relative path means the engine's working directory, not the one meant.",
    bad: labCluster(`  bundle web {
    container podman image=localhost/web replicas=2
    primitive httpd ocf:heartbeat:apache
  }
`),
    good: labCluster(`  bundle web {
    container podman image=localhost/web replicas=2
    network ip-range-start=10.0.0.131 control-port=3121
    primitive httpd ocf:heartbeat:apache
  }
`),
  },
  check(ctx) {
    for (const b of ctx.model.bundles) {
      const start = pair(b.network, 'ip-range-start');
      const port = pair(b.network, 'control-port');
      if (b.child && !start && !port) {
        ctx.report({
          node: b.network ?? b.decl.name,
          message: `bundle '${b.name}' runs '${b.child.name}' but gives Pacemaker no way to reach it: no ip-range-start or control-port`,
          help: ['network ip-range-start=ADDRESS gives each replica its own address; with the host network (network=host), network control-port=3121'],
        });
      }
      const perHost = pair(b.container, 'replicas-per-host');
      if (port && perHost && /^\d+$/.test(perHost.value.text) && Number(perHost.value.text) > 1 && !start) {
        ctx.report({ node: perHost, property: 'value', message: `control-port needs replicas-per-host=1: two replicas on one host cannot both listen on port ${port.value.text}`, help: ['drop replicas-per-host, or give the replicas addresses of their own with ip-range-start'] });
      }
      const hostNetwork = pair(b.container, 'network')?.value.text === 'host';
      for (const m of b.portMaps) {
        if (hostNetwork) ctx.report({ node: m, message: `a port-map in bundle '${b.name}', whose containers use the host's network (network=host): there is nothing to map`, help: ['drop the port-map: the service listens on the host directly'] });
        else if (!pair(m, 'port') && !pair(m, 'range')) ctx.report({ node: m, message: 'a port-map needs port= or range=', help: ['port-map port=80 (internal-port=8080 when the container listens elsewhere)'] });
      }
      for (const m of b.storageMaps) {
        const source = pair(m, 'source-dir') ?? pair(m, 'source-dir-root');
        const target = pair(m, 'target-dir');
        if (!source || !target) {
          ctx.report({ node: m, message: `a storage-map needs ${source ? 'target-dir=' : 'source-dir= (or source-dir-root=)'}`, help: ['storage-map source-dir=/srv/www target-dir=/var/www/html options=rw'] });
          continue;
        }
        for (const dir of [source, target]) {
          if (!dir.value.text.startsWith('/')) ctx.report({ node: dir, property: 'value', message: `${dir.key.text}=${dir.value.text} is a relative path`, help: ['write the absolute path'] });
        }
      }
    }
  },
};
