import type { ApiErrorBody, ApiErrorDetail } from './types.ts';

/** A failed API call, carrying the server's error code and per-field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * Field messages keyed by the form field name: `body.handle` → `handle`.
   * Only the first message per field is kept; one clear reason beats a list.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const detail of this.details) {
      if (!detail.field) continue;
      const name = detail.field.replace(/^(body|query|params)\./, '');
      out[name] ??= detail.message;
    }
    return out;
  }
}

/** The request never got an answer (offline, server down). Status 0 so callers can tell. */
export const NETWORK_ERROR_CODE = 'COT_ERR_NETWORK';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Calls the Coterie API with the member's same-origin session cookie.
 * Mutating calls always send a JSON body: the server refuses cookie-authenticated requests that a
 * plain HTML form could forge, and an empty body with a JSON content type is itself an error.
 * `headers` adds request headers, e.g. the checkout's `Idempotency-Key`.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<T> {
  const mutating = method !== 'GET';
  const allHeaders: Record<string, string> = { Accept: 'application/json', ...headers };
  if (mutating) allHeaders['Content-Type'] = 'application/json';
  return send<T>(`/api/v1${path}`, {
    method,
    headers: allHeaders,
    body: mutating ? JSON.stringify(body ?? {}) : undefined,
    signal,
  });
}

/**
 * Sends a multipart form (a file upload); the browser writes the content type and its boundary.
 * POST by default; PUT replaces a single file such as a set's cover.
 */
export async function apiUpload<T>(path: string, form: FormData, signal?: AbortSignal, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return send<T>(`/api/v1${path}`, { method, headers: { Accept: 'application/json' }, body: form, signal });
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR_CODE, 'We couldn’t reach Coterie. Check your connection and try again.');
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    throw new ApiError(response.status, code, message, details ?? []);
  }
  throw new ApiError(response.status, 'COT_ERR_UNEXPECTED', 'Something went wrong on our side. Please try again.');
}

/** Whether a failure is an abort of our own (a newer request or an unmounted page), not a problem. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The message a member should read for any failure. */
export function problemMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong in the app. Please try again.';
}

/** A cursor page's query string: `?limit=20&cursor=…`. */
export function pageQuery(cursor: string | null | undefined, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `?${params.toString()}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Orders and imports are named by UUIDs; any other id in a URL cannot name one, so it answers
 * the same "not found" the server gives for an unknown id, without asking it.
 */
export function requireUuid(id: string): void {
  if (!UUID.test(id)) throw new ApiError(404, 'COT_ERR_NOT_FOUND', 'Not found');
}
