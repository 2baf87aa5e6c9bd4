import type { FastifyBaseLogger } from 'fastify';

export const actorKinds = ['member', 'brand', 'editor', 'celebrity', 'stylist', 'buyer', 'admin'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Who is acting: the signed-in account, as the auth hook found it. */
export interface Actor {
  id: string;
  handle: string;
  kind: ActorKind;
  /** An EIP client: early-access products are visible and buyable to them. */
  eip: boolean;
  /** How the request proved it: the web app's cookie or an API client's bearer token. */
  via: 'cookie' | 'bearer';
  sessionId: string;
}

/** What every service call receives first: who asks, and where to log. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  log: FastifyBaseLogger;
}

/** Finds the actor behind a session token, or null when the token is unknown or expired. */
export type Authenticate = (token: string, via: Actor['via']) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
