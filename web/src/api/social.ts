import { apiRequest, pageQuery, requireUuid } from './client.ts';
import type {
  AccountListPage,
  Comment,
  CommentPage,
  FollowAnswer,
  HashtagPage,
  LoveAnswer,
  ProductPage,
  Profile,
  Share,
  ShareChannel,
} from './types.ts';

/** Something members can love, share and comment on, as its API path names it. */
export type SocialTarget = { kind: 'product'; id: string } | { kind: 'set'; id: string } | { kind: 'photo'; id: string };

function accountPath(handle: string): string {
  return `/accounts/${encodeURIComponent(handle)}`;
}

/** `/products/CT-1`, `/sets/<uuid>` or `/photos/<uuid>`; set and photo ids that cannot be UUIDs answer 404 without asking. */
function targetPath(target: SocialTarget): string {
  if (target.kind === 'set' || target.kind === 'photo') {
    requireUuid(target.id);
    return `/${target.kind}s/${encodeURIComponent(target.id)}`;
  }
  return `/products/${encodeURIComponent(target.id)}`;
}

/* ---------------------------------------------------------------- Profiles */

/** A profile with its counts and the viewer's relation; 404 for unknown handles (and blockers). */
export async function fetchProfile(handle: string, signal?: AbortSignal): Promise<Profile> {
  return (await apiRequest<{ account: Profile }>('GET', accountPath(handle), undefined, signal)).account;
}

export async function setFollowing(handle: string, follow: boolean): Promise<FollowAnswer> {
  return apiRequest<FollowAnswer>(follow ? 'PUT' : 'DELETE', `${accountPath(handle)}/follow`);
}

export type FollowList = 'followers' | 'following';

export async function fetchFollowList(
  handle: string,
  list: FollowList,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AccountListPage> {
  return apiRequest<AccountListPage>('GET', `${accountPath(handle)}/${list}${pageQuery(cursor, 20)}`, undefined, signal);
}

export async function setBlocked(handle: string, block: boolean): Promise<boolean> {
  return (await apiRequest<{ blocked: boolean }>(block ? 'PUT' : 'DELETE', `${accountPath(handle)}/block`)).blocked;
}

/** The products a profile loves (only those the viewer may see), most recent first. */
export async function fetchLovedProducts(handle: string, cursor: string | null, signal?: AbortSignal): Promise<ProductPage> {
  return apiRequest<ProductPage>('GET', `${accountPath(handle)}/loves${pageQuery(cursor, 24)}`, undefined, signal);
}

/** A brand account's products; 404 for accounts of other kinds. */
export async function fetchBrandProducts(handle: string, cursor: string | null, signal?: AbortSignal): Promise<ProductPage> {
  return apiRequest<ProductPage>('GET', `${accountPath(handle)}/products${pageQuery(cursor, 24)}`, undefined, signal);
}

/* ------------------------------------------------------- Loves and shares */

/** How many love it and whether the signed-in member does. */
export async function fetchLoveState(target: SocialTarget, signal?: AbortSignal): Promise<LoveAnswer> {
  return apiRequest<LoveAnswer>('GET', `${targetPath(target)}/love`, undefined, signal);
}

export async function setLoved(target: SocialTarget, love: boolean): Promise<LoveAnswer> {
  return apiRequest<LoveAnswer>(love ? 'PUT' : 'DELETE', `${targetPath(target)}/love`);
}

/** Records a share and the channel it went to; the answer carries the path that was shared. */
export async function recordShare(target: SocialTarget, channel: ShareChannel): Promise<Share> {
  return (await apiRequest<{ share: Share }>('POST', `${targetPath(target)}/shares`, { channel })).share;
}

/* ---------------------------------------------------------------- Comments */

export const COMMENT_MAX = 2000;

/** Comments on a product or set, oldest first. */
export async function fetchComments(target: SocialTarget, cursor: string | null, signal?: AbortSignal): Promise<CommentPage> {
  return apiRequest<CommentPage>('GET', `${targetPath(target)}/comments${pageQuery(cursor, 20)}`, undefined, signal);
}

export async function postComment(target: SocialTarget, body: string): Promise<Comment> {
  return (await apiRequest<{ comment: Comment }>('POST', `${targetPath(target)}/comments`, { body })).comment;
}

export async function deleteComment(id: string): Promise<void> {
  requireUuid(id);
  await apiRequest<void>('DELETE', `/comments/${encodeURIComponent(id)}`);
}

/* ---------------------------------------------------------------- Hashtags */

/** Everything carrying a hashtag, newest first; `tag` without the #. */
export async function fetchHashtag(tag: string, cursor: string | null, signal?: AbortSignal): Promise<HashtagPage> {
  const path = `/hashtags/${encodeURIComponent(tag.toLowerCase())}${pageQuery(cursor, 20)}`;
  return apiRequest<HashtagPage>('GET', path, undefined, signal);
}
