/**
 * The keys of statements whose keys are part of the language, not of an agent or of Pacemaker's
 * catalogue. Both parse paths (chevrotain's and the fast one) read this one table.
 */
export const STATEMENT_KEYS: Readonly<Record<string, readonly string[]>> = {
  node: ['addr', 'id'],
  host: ['addr'],
  auth: ['password'],
  location: ['role', 'resource-discovery'],
  colocation: ['score', 'rsc-role', 'with-rsc-role'],
  order: ['kind', 'symmetrical', 'first-action', 'then-action'],
};
