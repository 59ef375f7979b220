/**
 * The end of every `switch` over a discriminated union's `kind`: a kind nobody handles is a compile
 * error at the call (its argument is not `never`), and an internal error should one arrive anyway.
 */
export function assertNever(x: never): never {
  throw new Error(`internal error: unhandled kind ${JSON.stringify((x as { kind?: unknown }).kind)}`);
}
