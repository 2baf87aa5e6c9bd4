import type { ActorKind } from '../../platform/http/context.js';

/** Events the identity module publishes (through the outbox). */
export const identityEvents = {
  accountCreated: 'identity.account_created',
  accountKindChanged: 'identity.account_kind_changed',
  accountEipChanged: 'identity.account_eip_changed',
} as const;

export interface AccountCreated {
  account_id: string;
  handle: string;
  kind: ActorKind;
}

export interface AccountKindChanged {
  account_id: string;
  handle: string;
  from: ActorKind;
  to: ActorKind;
  /** The admin who changed it, or null for the operator on the command line. */
  by: string | null;
}

export interface AccountEipChanged {
  account_id: string;
  handle: string;
  eip: boolean;
  stylist_id: string | null;
  by: string;
}
