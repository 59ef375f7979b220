import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';

export interface CliRun {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs hacc in-process with captured output. */
export async function runCli(argv: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: () => Buffer.from(options.stdin ?? ''),
    stdoutIsTTY: options.tty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  const exit = await main(argv, io);
  return { exit, stdout, stderr };
}
