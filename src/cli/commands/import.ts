import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { PLATFORMS } from '../../model/platforms.js';
import { readText, UsageError, writeFileAtomically, type Io } from '../io.js';
import { agentsOption, catalogueFor, targetOf } from '../options.js';

interface ImportFlags {
  output?: string;
  allowPartial?: boolean;
  target?: string;
  name?: string;
  agents?: string;
}

export function importCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('import')
    .description("write the .ha file of an existing cluster's CIB (cibadmin --query, pcs cluster cib, or a <configuration>)")
    .argument('<cib>', 'CIB XML file (- reads standard input)')
    .option('-o, --output <file>', 'write the .ha file here (atomically) instead of to standard output')
    .option('--allow-partial', 'write what can be imported even when some parts cannot, listing them in a comment at the top')
    .addOption(new Option('--target <platform>', "the cluster's platform, written as the file's platform line (default: what the CIB says)").choices([...PLATFORMS]))
    .option('--name <name>', "the cluster's name (default: from a hacc-built CIB, else the cluster-name property, else 'cluster')")
    .addOption(agentsOption())
    .action(async (file: string, flags: ImportFlags) => {
      // The importer (and its XML parser, a large module graph) loads only for `hacc import`.
      const { cibReadError, describeUnsupported, ImportNameError, importCib } = await import('../../import/import.js');
      const target = targetOf(flags.target);
      const catalogue = await catalogueFor(flags.agents);
      const xml = readText(file, io);
      const shown = file === '-' ? '<stdin>' : file;
      let result;
      try {
        result = importCib(xml, { catalogue, ...(target ? { target } : {}), ...(flags.name !== undefined ? { name: flags.name } : {}) });
      } catch (e) {
        const why = cibReadError(e);
        if (why !== undefined) throw new UsageError(`${shown}${why}`);
        if (e instanceof ImportNameError) throw new UsageError(`${shown}: ${e.message}`);
        throw e;
      }
      const { text, unsupported, secrets, ignored, silenced } = result;
      if (unsupported.length > 0) {
        const list = unsupported.map((u) => `  ${describeUnsupported(u)}\n`).join('');
        const count = `${unsupported.length} part${unsupported.length === 1 ? '' : 's'}`;
        if (!flags.allowPartial) {
          io.stderr(`hacc: ${shown}: ${count} of the CIB cannot be expressed in the .ha language yet; nothing was written:\n${list}`);
          io.stderr('help: --allow-partial writes the rest, with this list in a comment at the top of the file\n');
          setExit(1);
          return;
        }
        io.stderr(`hacc: ${shown}: left out ${count} the .ha language cannot express yet (listed at the top of the file):\n${list}`);
      }
      if (secrets.length > 0) {
        io.stderr(`hacc: ${secrets.length} secret${secrets.length === 1 ? '' : 's'} of the CIB replaced by environment variables (listed at the top of the file): ${secrets.map((s) => s.variable).join(', ')}\n`);
      }
      if (ignored.length > 0) {
        io.stderr(`hacc: left out ${ignored.length} part${ignored.length === 1 ? '' : 's'} of the CIB Pacemaker ignores (listed at the top of the file):\n${ignored.map((u) => `  ${describeUnsupported(u)}\n`).join('')}`);
      }
      if (silenced.length > 0) {
        const codes = [...new Set(silenced.map((d) => d.code))].sort().join(', ');
        io.stderr(`hacc: ${silenced.length} error${silenced.length === 1 ? '' : 's'} hacc check finds in this cluster (${codes}) silenced with # hacc-ignore where ${silenced.length === 1 ? 'it stands' : 'they stand'} (listed at the top of the file)\n`);
      }
      if (flags.output !== undefined) writeFileAtomically(resolve(io.cwd, flags.output), text, flags.output);
      else io.stdout(text);
      setExit(0);
    });
}
