// Secret references, `env:NAME` and `file:/path`: where the setup script reads a value when it runs.

/** An environment variable name, as bash and every tool accept it. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Environment names a secret must not use, and why. The setup script takes its environment secrets
 * before it sets anything (no variable of its own can shadow one), but bash itself sets or gives
 * meaning to some names before the first line runs (measured with bash 5.2: `env RANDOM=x bash -c
 * 'echo $RANDOM'` prints a number), and the tools the script runs read others: an exported password
 * named CIB_file or LD_PRELOAD would change what cibadmin or every program does.
 */
const BASH_SETS = [
  'BASH', 'BASHOPTS', 'BASHPID', 'BASH_ALIASES', 'BASH_ARGC', 'BASH_ARGV', 'BASH_ARGV0', 'BASH_CMDS', 'BASH_COMMAND',
  'BASH_EXECUTION_STRING', 'BASH_LINENO', 'BASH_REMATCH', 'BASH_SOURCE', 'BASH_SUBSHELL', 'BASH_VERSINFO', 'BASH_VERSION',
  'COMP_WORDBREAKS', 'DIRSTACK', 'EPOCHREALTIME', 'EPOCHSECONDS', 'EUID', 'FUNCNAME', 'GROUPS', 'HISTCMD', 'HOSTNAME',
  'HOSTTYPE', 'IFS', 'LINENO', 'MACHTYPE', 'OLDPWD', 'OPTARG', 'OPTERR', 'OPTIND', 'OSTYPE', 'PIPESTATUS', 'PPID', 'PS1',
  'PS2', 'PS4', 'PWD', 'RANDOM', 'REPLY', 'SECONDS', 'SHELLOPTS', 'SHLVL', 'SRANDOM', 'UID', '_',
];
const BASH_READS = ['BASH_COMPAT', 'BASH_ENV', 'BASH_LOADABLES_PATH', 'BASH_XTRACEFD', 'CDPATH', 'ENV', 'FUNCNEST', 'GLOBIGNORE', 'POSIXLY_CORRECT', 'TMOUT'];
const SYSTEM_READS = ['HOME', 'LANG', 'LANGUAGE', 'PATH', 'SHELL', 'TERM', 'TMPDIR', 'TZ', 'USER', 'LOGNAME'];
/** The environment the setup script reads itself (a test asserts it is every HACC_ name in it). */
export const SCRIPT_READS = ['HACC_BACKUP_DIR', 'HACC_CLUSTER_CONF', 'HACC_NODE'];
/** Prefixes of names that the dynamic loader, Python (pcs), Pacemaker's tools, OCF agents and locales read. */
const TOOL_PREFIXES: readonly (readonly [string, string])[] = [
  ['LD_', 'the dynamic loader'],
  ['PYTHON', 'Python, which runs pcs'],
  ['CIB_', "Pacemaker's command-line tools (CIB_file, CIB_user…)"],
  ['PCMK_', 'Pacemaker'],
  ['HA_', 'Pacemaker and the resource agents'],
  ['OCF_', 'the resource agents and the setup script (OCF_ROOT)'],
  ['LC_', 'every program (the locale)'],
];

/** Why the setup script cannot take a secret from the environment variable NAME, or undefined when it can. */
export function reservedEnvName(name: string): string | undefined {
  if (BASH_SETS.includes(name)) return `bash sets ${name} itself: the script would read bash's value, not the one exported`;
  if (BASH_READS.includes(name)) return `bash reads ${name} and changes how it runs the script`;
  if (SYSTEM_READS.includes(name)) return `${name} means something to every program the script runs`;
  if (SCRIPT_READS.includes(name)) return `the setup script reads ${name} as a setting of its own`;
  const tool = TOOL_PREFIXES.find(([prefix]) => name.startsWith(prefix));
  if (tool) return `names starting ${tool[0]} are read by ${tool[1]}`;
  if (name.startsWith('BASH_') || name.startsWith('COMP_') || name.startsWith('READLINE_')) return `bash reserves names starting ${name.slice(0, name.indexOf('_') + 1)}`;
  return undefined;
}
