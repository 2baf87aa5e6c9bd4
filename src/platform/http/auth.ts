import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { devices, type Actor, type Authenticate, type RequestDevice } from './context.js';
import { AppError } from './errors.js';

export const sessionCookieName = 'coterie_session';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds the actor of every request: a bearer token (API clients) or the session cookie (web app).
 * A cookie-authenticated change from another site is refused, so a third-party page cannot act for
 * a signed-in member (SameSite=Lax covers most of it; this covers the rest).
 */
export function installAuthentication(app: FastifyInstance, authenticate: Authenticate): void {
  app.addHook('onRequest', (request, reply, done) => {
    request.ctx = { actor: null, requestId: request.id, log: request.log, device: deviceOf(request) };
    const bearer = bearerToken(request);
    const cookie = bearer === undefined ? request.cookies[sessionCookieName] : undefined;
    // Most requests carry no credentials: answer them without a promise.
    if (bearer === undefined && !cookie) return done();
    resolveActor(request, reply, bearer, cookie).then(
      (actor) => {
        request.ctx.actor = actor;
        done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  });

  async function resolveActor(
    request: FastifyRequest,
    reply: FastifyReply,
    bearer: string | undefined,
    cookie: string | undefined,
  ): Promise<Actor | null> {
    if (bearer !== undefined) {
      const actor = bearer ? await authenticate(bearer, 'bearer') : null;
      if (!actor) {
        if (request.routeOptions.config.ownBearerToken === true) return null;
        throw new AppError('COT_ERR_UNAUTHENTICATED', 'The bearer token is not valid or has expired');
      }
      return actor;
    }
    const actor = await authenticate(cookie!, 'cookie');
    if (!actor) {
      clearSessionCookie(reply);
      return null;
    }
    if (unsafeMethods.has(request.method) && isCrossSite(request)) {
      throw new AppError('COT_ERR_FORBIDDEN', 'Cross-site requests cannot use the session cookie');
    }
    return actor;
  }
}

const knownDevices = new Set<string>(devices);
const mobileAgent = /Mobi|Android|iPhone|iPad|iPod/;

/** The device a request says it comes from (`X-Coterie-Device`), else mobile_web or web by its user agent. */
function deviceOf(request: FastifyRequest): RequestDevice {
  const said = request.headers['x-coterie-device'];
  if (typeof said === 'string' && knownDevices.has(said)) return said as RequestDevice;
  const agent = request.headers['user-agent'];
  return agent !== undefined && mobileAgent.test(agent) ? 'mobile_web' : 'web';
}

/** Returns the token, '' for a malformed Authorization header, undefined when there is none. */
function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(header.trim());
  return match?.[1] ?? '';
}

function isCrossSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export interface SessionCookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

export function setSessionCookie(reply: FastifyReply, token: string, options: SessionCookieOptions): void {
  void reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName, { path: '/' });
}
