import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of the environment. Everything Coterie can be told lives here, validated once at
 * startup; a bad value stops startup with one line naming the setting.
 */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  COTERIE_DATA: z.string().trim().min(1).default('./data'),
  PORT: z.coerce.number({ message: 'must be a whole number from 0 to 65535' }).int('must be a whole number from 0 to 65535').min(0, 'must be a whole number from 0 to 65535').max(65535, 'must be a whole number from 0 to 65535').default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  NATS_URL: optionalUrl(['nats', 'tls']),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  COTERIE_PUBLIC_URL: optionalUrl(['http', 'https']),
  COTERIE_SECURE_COOKIES: flag,
  COTERIE_CORS_ORIGINS: z.string().trim().optional(),
  COTERIE_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  COTERIE_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  COTERIE_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  COTERIE_IMPORT_PRIVATE_URLS: flag,
  COTERIE_EVENTS_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
  COTERIE_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: optionalUrl(['http', 'https']),
  S3_REGION: z.string().trim().optional(),
  S3_BUCKET: z.string().trim().optional(),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
  WHATSAPP_GRAPH_URL: z.string().trim().url().default('https://graph.facebook.com/v21.0'),
  COTERIE_SEED_ON_START: z.enum(['auto', 'on', 'off']).default('auto'),
  COTERIE_MODERATION_THRESHOLD: z.coerce.number({ message: 'must be a number from 0 to 1' }).gt(0, 'must be a number above 0 and at most 1').max(1, 'must be a number above 0 and at most 1').default(0.85),
  COTERIE_VISION_INDEX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  COTERIE_VISION_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  /** Whether `serve` runs the trend detector (off when separate `coterie trends` workers do). */
  COTERIE_TRENDS: z.enum(['on', 'off']).default('on'),
  /** Which partition of the trend keys this process's detector owns: `i/n`. */
  COTERIE_TRENDS_PARTITION: z.string().regex(/^\d+\/\d+$/, 'expected i/n, e.g. 0/2').default('0/1'),
  COTERIE_TRENDS_LATENESS_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(120),
  COTERIE_REORDER_LEAD_DAYS: z.coerce.number().min(1).max(365).default(21),
});

export interface Config {
  /** Absolute path of the data folder (embedded database, blobs, indexes). */
  dataDir: string;
  http: {
    host: string;
    port: number;
    /** The address members reach, used for absolute links; derived from host and port when unset. */
    publicUrl: string | undefined;
    secureCookies: boolean;
    /** Allowed cross-origin callers; empty means CORS is off. */
    corsOrigins: string[];
    /** Requests per minute per client address. */
    rateLimitPerMinute: number;
    /** Sign-ups, sign-ins and token requests per minute per client address (password guessing). */
    authRateLimitPerMinute: number;
    sessionDays: number;
  };
  /** Whether feeds uploaded through the API may point image links at private or local addresses. */
  importPrivateUrls: boolean;
  /**
   * When set, `POST /api/v1/events` needs `Authorization: Bearer <this>` or an admin or buyer session;
   * unset, the endpoint is open (the rate limit still applies).
   */
  eventsToken: string | undefined;
  logLevel: (typeof logLevels)[number];
  /** `auto`: readable lines on a terminal, JSON otherwise (for log collectors). */
  logFormat: 'auto' | 'json' | 'pretty';
  /**
   * Whether `serve` builds the small demo world when it finds the database empty: `auto` on the
   * embedded database only (a first `npm start`), never on a PostgreSQL server unless `on`.
   */
  seedOnStart: 'auto' | 'on' | 'off';
  /** PostgreSQL server; the embedded database when unset. */
  databaseUrl: string | undefined;
  /** NATS JetStream; the in-process bus when unset. */
  natsUrl: string | undefined;
  storage:
    | { kind: 'local' }
    | { kind: 's3'; endpoint: string | undefined; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };
  trends: {
    /** Whether `serve` runs the detector. */
    enabled: boolean;
    /** `i/n`: the partition of keys this process's detector owns. */
    partition: string;
    latenessMs: number;
    /** Supplier lead time the reorder advice plans over. */
    leadTimeDays: number;
  };
  vision: {
    /** Porn + Hentai probability at or above which a member image is rejected. */
    moderationThreshold: number;
    /** How often the background job looks for products to embed and index changes. */
    indexIntervalMs: number;
    /** Worker threads the background job describes catalogue images in (0: the main thread). */
    workers: number;
  };
  whatsapp: {
    verifyToken: string | undefined;
    appSecret: string | undefined;
    accessToken: string | undefined;
    phoneNumberId: string | undefined;
    graphUrl: string;
  };
}

export interface ConfigOverrides {
  dataDir?: string | undefined;
  port?: number | string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; command-line flags override the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const merged: Record<string, string | undefined> = { ...env };
  if (overrides.dataDir !== undefined) merged.COTERIE_DATA = overrides.dataDir;
  if (overrides.port !== undefined) merged.PORT = String(overrides.port);
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'configuration');
    const shown = key === 'COTERIE_DATA' ? '--data/COTERIE_DATA' : key === 'PORT' ? '--port/PORT' : key;
    throw new ConfigError(`invalid setting ${shown}: ${issue.message}${describeValue(merged[key], key)}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.COTERIE_DATA),
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.COTERIE_PUBLIC_URL,
      secureCookies: e.COTERIE_SECURE_COOKIES,
      corsOrigins: (e.COTERIE_CORS_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      rateLimitPerMinute: e.COTERIE_RATE_LIMIT,
      authRateLimitPerMinute: e.COTERIE_AUTH_RATE_LIMIT,
      sessionDays: e.COTERIE_SESSION_DAYS,
    },
    importPrivateUrls: e.COTERIE_IMPORT_PRIVATE_URLS,
    eventsToken: e.COTERIE_EVENTS_TOKEN,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    seedOnStart: e.COTERIE_SEED_ON_START,
    databaseUrl: e.DATABASE_URL,
    natsUrl: e.NATS_URL,
    storage: storageConfig(e),
    trends: {
      enabled: e.COTERIE_TRENDS === 'on',
      partition: e.COTERIE_TRENDS_PARTITION,
      latenessMs: e.COTERIE_TRENDS_LATENESS_MINUTES * 60_000,
      leadTimeDays: e.COTERIE_REORDER_LEAD_DAYS,
    },
    vision: { moderationThreshold: e.COTERIE_MODERATION_THRESHOLD, indexIntervalMs: e.COTERIE_VISION_INDEX_INTERVAL_MS, workers: e.COTERIE_VISION_WORKERS },
    whatsapp: {
      verifyToken: e.WHATSAPP_VERIFY_TOKEN,
      appSecret: e.WHATSAPP_APP_SECRET,
      accessToken: e.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
      graphUrl: e.WHATSAPP_GRAPH_URL,
    },
  };
}

function storageConfig(e: z.infer<typeof envSchema>): Config['storage'] {
  if (e.COTERIE_STORAGE === 'local') return { kind: 'local' };
  const missing = (['S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !e[k]);
  if (missing.length > 0) throw new ConfigError(`invalid setting COTERIE_STORAGE: s3 needs ${missing.join(', ')}`);
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION!,
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
  };
}

function describeValue(value: string | undefined, key: string): string {
  if (value === undefined || /SECRET|TOKEN|PASSWORD/.test(key) || key === 'DATABASE_URL') return '';
  return ` (got "${value.length > 60 ? `${value.slice(0, 60)}…` : value}")`;
}
