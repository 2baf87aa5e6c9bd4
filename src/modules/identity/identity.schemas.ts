import { z } from 'zod';
import { actorKinds } from '../../platform/http/context.js';

/** Handles are case-insensitive: "Ada.Lovelace" is stored and shown as "ada.lovelace". */
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(30, 'must be at most 30 characters')
  .regex(/^[a-z0-9][a-z0-9_.]*$/, 'may use letters, digits, "_" and ".", and must start with a letter or digit');

export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

const displayName = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

export const signUpBody = z.object({
  handle: handleSchema,
  email: z.email('must be a valid email address').trim().toLowerCase().max(254),
  password: passwordSchema,
  display_name: displayName.optional(),
});
export type SignUpInput = z.infer<typeof signUpBody>;

export const signInBody = z.object({
  login: z.string().trim().toLowerCase().min(1, 'must not be empty').max(254, 'must be at most 254 characters').describe('Handle or email'),
  password: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export type SignInInput = z.infer<typeof signInBody>;

export const issueTokenBody = signInBody.extend({
  label: z.string().trim().min(1).max(60).optional().describe('What the token is for, e.g. "feed importer"'),
});

export const updateProfileBody = z
  .object({
    display_name: displayName,
    bio: z.string().trim().max(500).nullable(),
    home_city: z.string().trim().min(1).max(80).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateProfileInput = z.infer<typeof updateProfileBody>;

export const changeKindBody = z.object({ kind: z.enum(actorKinds) });

export const setEipBody = z.object({
  eip: z.boolean().describe('Whether the account is an EIP client: sees and buys early-access products'),
  stylist: handleSchema.nullable().optional().describe('The personal shopper who looks after the client (a stylist account)'),
});
export type SetEipInput = z.infer<typeof setEipBody>;

export const handleParams = z.object({ handle: handleSchema });
export const sessionParams = z.object({ id: z.uuid() });

export const account = z.object({
  id: z.uuid(),
  handle: z.string(),
  kind: z.enum(actorKinds),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
  bio: z.string().nullable(),
  home_city: z.string().nullable(),
  created_at: z.string().describe('ISO 8601'),
  email: z.string().optional().describe('Only shown to the account itself and admins'),
  eip: z.boolean().optional().describe('An EIP client (early access); shown to the account itself and staff'),
});
export type AccountView = z.infer<typeof account>;

export const accountResponse = z.object({ account });

export const eipResponse = z.object({ account, stylist: z.string().nullable() });


export const tokenResponse = z.object({
  token: z.string().describe('Send as `Authorization: Bearer <token>`; shown once'),
  session_id: z.uuid(),
  expires_at: z.string(),
});

export const sessionView = z.object({
  id: z.uuid(),
  kind: z.enum(['cookie', 'bearer']),
  label: z.string().nullable(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  current: z.boolean(),
});
export const sessionsResponse = z.object({ sessions: z.array(sessionView) });
export type SessionView = z.infer<typeof sessionView>;
