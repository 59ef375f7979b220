/** One file `hacc build` writes, relative to the output directory. */
export interface Artifact {
  readonly path: string;
  readonly contents: string;
  /** File mode, e.g. 0o644 or 0o755 for scripts. */
  readonly mode: number;
}
