/**
 * The shapes the Coterie API answers with, as the web app relies on them.
 * Kept by hand (web/ never imports src/); the server's OpenAPI document at /api/v1/openapi.json is
 * the reference when they disagree.
 */

export type AccountKind = 'member' | 'brand' | 'editor' | 'celebrity' | 'stylist' | 'buyer' | 'admin';

/** Anyone on the network as others see them. */
export interface Account {
  id: string;
  handle: string;
  kind: AccountKind;
  display_name: string;
  avatar_url: string | null;
  bio: string | null;
  home_city: string | null;
  created_at: string;
}

/** The signed-in member, who also sees their own email. */
export interface Me extends Account {
  email: string;
}

export interface ApiErrorDetail {
  /** Where the problem is, e.g. `body.handle`. */
  field?: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: ApiErrorDetail[];
  };
}
