/**
 * Client-side checks that mirror the server's account rules, so members hear about mistakes
 * before a round trip. The server stays the authority: its answers are shown the same way.
 */

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 60;

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export function checkHandle(handle: string): string | undefined {
  if (handle.length === 0) return 'Choose a handle.';
  if (handle.length < HANDLE_MIN) return `Use at least ${HANDLE_MIN} characters.`;
  if (handle.length > HANDLE_MAX) return `Use at most ${HANDLE_MAX} characters.`;
  if (!/^[a-z0-9_.]+$/.test(handle)) return 'Use only lowercase letters, digits, dots and underscores.';
  if (!/^[a-z0-9]/.test(handle)) return 'Start with a letter or a digit.';
  return undefined;
}

export function checkEmail(email: string): string | undefined {
  if (email.length === 0) return 'Enter your email address.';
  // Deliberately loose: one @, something either side, a dot in the domain. The server decides.
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'Enter an email address like name@example.com.';
  return undefined;
}

export function checkNewPassword(password: string): string | undefined {
  if (password.length === 0) return 'Choose a password.';
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return undefined;
}

export function checkDisplayName(name: string): string | undefined {
  // Optional: empty means "use my handle", which the server does for us.
  if (name.trim().length > DISPLAY_NAME_MAX) return `Use at most ${DISPLAY_NAME_MAX} characters.`;
  return undefined;
}

export type JoinField = 'handle' | 'email' | 'password' | 'display_name';
export interface JoinValues {
  handle: string;
  email: string;
  password: string;
  display_name: string;
}

export function checkJoin(values: JoinValues): FieldErrors<JoinField> {
  const errors: FieldErrors<JoinField> = {
    handle: checkHandle(values.handle),
    email: checkEmail(values.email.trim()),
    password: checkNewPassword(values.password),
    display_name: checkDisplayName(values.display_name),
  };
  return withoutEmpty(errors);
}

export type SignInField = 'login' | 'password';
export interface SignInValues {
  login: string;
  password: string;
}

export function checkSignIn(values: SignInValues): FieldErrors<SignInField> {
  return withoutEmpty({
    login: values.login.trim() ? undefined : 'Enter your handle or email.',
    password: values.password ? undefined : 'Enter your password.',
  });
}

function withoutEmpty<Field extends string>(errors: FieldErrors<Field>): FieldErrors<Field> {
  const out: FieldErrors<Field> = {};
  for (const [field, message] of Object.entries(errors) as [Field, string | undefined][]) {
    if (message) out[field] = message;
  }
  return out;
}

/** A `next` location is followed only when it stays inside the app (no open redirects). */
export function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return '/';
}
