import { ROLES } from './roles.js';
import { key, type StatementVocabulary } from './vocabulary.js';

// `ticket ID RESOURCE|SET… needs TICKET [rsc-role=ROLE] [loss-policy=…]`: the resource runs only
// where the cluster (its site) holds the ticket, which booth grants (or `crm_ticket`); when the
// ticket is lost, loss-policy says what happens to it. The CIB's `<rsc_ticket>`.

export const ticket = {
  keyword: 'ticket',
  context: 'cluster',
  described: 'a ticket constraint',
  keys: [key('rsc-role', 'select', ROLES), key('loss-policy', 'select', ['stop', 'demote', 'fence', 'freeze'])],
} as const satisfies StatementVocabulary;

/** The word between the resources and the ticket. */
export const TICKET_NEEDS = 'needs';
