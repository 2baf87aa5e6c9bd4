import { apiRequest } from './client.ts';
import type { Account, Me } from './types.ts';

export interface JoinRequest {
  handle: string;
  email: string;
  password: string;
  display_name?: string;
}

export interface SignInRequest {
  /** A handle or an email address. */
  login: string;
  password: string;
}

/** Creates a member account; the server signs the new member in with a session cookie. */
export async function joinCoterie(request: JoinRequest): Promise<Account> {
  const { account } = await apiRequest<{ account: Account }>('POST', '/accounts', request);
  return account;
}

export async function signIn(request: SignInRequest): Promise<Account> {
  const { account } = await apiRequest<{ account: Account }>('POST', '/session', request);
  return account;
}

export async function signOut(): Promise<void> {
  await apiRequest<void>('DELETE', '/session');
}

/** The signed-in member; rejects with status 401 when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const { account } = await apiRequest<{ account: Me }>('GET', '/me', undefined, signal);
  return account;
}

/** A public profile; rejects with status 404 for an unknown handle. */
export async function fetchAccount(handle: string, signal?: AbortSignal): Promise<Account> {
  const { account } = await apiRequest<{ account: Account }>(
    'GET',
    `/accounts/${encodeURIComponent(handle)}`,
    undefined,
    signal,
  );
  return account;
}
