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

/** What a request came from, as events record it. */
export const devices = ['app', 'web', 'mobile_web', 'chat', 'whatsapp'] as const;
export type RequestDevice = (typeof devices)[number];

/** What every service call receives first: who asks, and where to log. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  log: FastifyBaseLogger;
  /** The `X-Coterie-Device` header, else guessed from the user agent; absent outside HTTP. */
  device?: RequestDevice;
}

/** Finds the actor behind a session token, or null when the token is unknown or expired. */
export type Authenticate = (token: string, via: Actor['via']) => Promise<Actor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /**
     * The route checks a bearer token of its own (the events ingest token): a bearer that is not a
     * session leaves the actor null instead of answering 401.
     */
    ownBearerToken?: boolean;
  }
}
