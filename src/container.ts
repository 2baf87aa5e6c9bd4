import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { openBus, type EventBus } from './platform/bus/index.js';
import { openDatabase, type Database } from './platform/db/index.js';
import { Outbox } from './platform/outbox/index.js';
import { packageRoot } from './platform/paths.js';
import { createLocalStorage, type BlobStorage } from './platform/storage/index.js';
import { createIdentityService, type IdentityService } from './modules/identity/index.js';
import { createCommerceService, createTestPaymentProvider, type CommerceService } from './modules/commerce/index.js';
import { createCatalogImportService, createCatalogService, type CatalogImportService, type CatalogService } from './modules/catalog/index.js';
import { createSetsService, createSocialService, resolveCityId, syncCities, type SetsService, type SocialService } from './modules/social/index.js';
import { createEventsService, EventRelay, type EventsService } from './modules/events/index.js';
import { createMediaService, tagRecognisedProducts, type MediaService } from './modules/media/index.js';
import { createVisionService, type VisionService } from './modules/vision/index.js';
import { moderateImage } from './modules/vision/index.js';
import { createTrendsService, parsePartition, TrendsProjection, type TrendsService } from './modules/trends/index.js';

/** Everything the app and the CLI commands run on, built once from the configuration. */
export interface Container {
  config: Config;
  version: string;
  log: Logger;
  database: Database;
  bus: EventBus;
  storage: BlobStorage;
  outbox: Outbox;
  identity: IdentityService;
  catalog: CatalogService;
  /** Catalogue feed imports (the CLI's and the API's). */
  catalogImports: CatalogImportService;
  commerce: CommerceService;
  /** The social graph: follows, blocks, loves, shares, comments, profiles, hashtags, cities. */
  social: SocialService;
  /** Sets (looks): members' ordered groups of products with a cover. */
  sets: SetsService;
  /** Member photos: photo pages and lists by member, product and everyone. */
  media: MediaService;
  /** Visual search, similar products, image moderation and the similarity index's background job. */
  vision: VisionService;
  /** The event log's ingest (`POST /api/v1/events`). */
  events: EventsService;
  /** Publishes the event log to the bus; `coterie serve` starts it. */
  eventRelay: EventRelay;
  /** The trend radar's alerts, evidence and buyers' actions. */
  trends: TrendsService;
  /** The trend detector over the event log (this process's partition); `coterie serve` starts it. */
  trendsProjection: TrendsProjection;
  /** Stops the relay, then closes the bus and the database, in that order. */
  close(): Promise<void>;
}

export interface ContainerParts {
  log?: Logger;
  /** Pre-built adapters (tests hand in their own database). */
  database?: Database;
  bus?: EventBus;
  storage?: BlobStorage;
}

export const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** JSON lines for collectors; readable, coloured lines when a person watches a terminal. */
export function createLogger(config: Config): Logger {
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  if (!pretty) {
    // Asynchronous writes: a request does not wait for its log line to reach the pipe.
    return pino({ level: config.logLevel, base: { service: 'coterie' } }, pino.destination({ dest: 1, sync: false }));
  }
  return pino({
    level: config.logLevel,
    base: { service: 'coterie' },
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } },
  });
}

/** The composition root: config → database → bus → storage → outbox → modules. */
export async function createContainer(config: Config, parts: ContainerParts = {}): Promise<Container> {
  const log = parts.log ?? createLogger(config);
  if (config.storage.kind === 's3') throw new Error('S3-compatible storage is not available yet; use COTERIE_STORAGE=local');
  const database = parts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  let bus: EventBus;
  try {
    // The cities table follows the data file shipped with this version (an idempotent upsert), and
    // members' typed home cities that a new city now matches are resolved.
    await syncCities(database.db);
    bus = parts.bus ?? (await openBus({ natsUrl: config.natsUrl, logger: log }));
  } catch (error) {
    await database.close();
    throw error;
  }
  const storage = parts.storage ?? createLocalStorage(path.join(config.dataDir, 'blobs'));
  const outbox = new Outbox({ database, bus, log });
  const identity = createIdentityService({ database, outbox, sessionDays: config.http.sessionDays, resolveHomeCity: resolveCityId });
  // The built-in test provider is the only one so far: test cards, no money moves.
  const commerce = createCommerceService({ database, outbox, payments: createTestPaymentProvider() });
  // Media depends on the catalogue, so the catalogue reaches a product's member photos through a
  // function bound here (called only after `media` exists), never by importing media.
  // Vision depends on the catalogue too: the page's similar products come through a bound function.
  const catalog = createCatalogService({
    database,
    outbox,
    storage,
    memberPhotos: (ctx, id, limit) => media.memberPhotosOf(ctx, id, limit),
    similar: (ctx, id, limit) => vision.similarForPage(ctx, id, limit),
  });
  const vision = createVisionService({ database, storage, dataDir: config.dataDir, log, catalog, moderationThreshold: config.vision.moderationThreshold, workers: config.vision.workers });
  // Uploads are moderated and recognised by functions handed in here (vision), so media never imports them.
  const media = createMediaService({
    database,
    catalog,
    storage,
    moderate: async (jpeg) => {
      const result = await moderateImage(jpeg, { threshold: config.vision.moderationThreshold });
      return { unsafe: !result.allowed, label: result.label, score: result.score, threshold: result.threshold, model: result.model };
    },
    // After the post commits: what a visitor could shop in it tags the photo and signals the trend radar.
    recognise: async (photoId, jpeg) => {
      const found = await vision.visualSearch({ actor: null, requestId: `recognise-${photoId}`, log }, jpeg, 5);
      await tagRecognisedProducts(
        database,
        photoId,
        found.regions.map((r) => ({ productId: r.recognised.product_id, confidence: r.recognised.confidence, region: r.box })),
      );
    },
  });
  const social = createSocialService({ database, outbox, catalog, identity, photos: media.directory });
  const sets = createSetsService({ database, outbox, storage, catalog, commerce });
  const eventRelay = new EventRelay({ database, bus, log });
  // Services record events inside their outbox transactions: publish those at once, not on the next poll.
  outbox.onCommitted(() => eventRelay.kick());
  const events = createEventsService({ database, token: config.eventsToken, onCommitted: () => eventRelay.kick() });
  const trends = createTrendsService({
    database,
    photos: (ctx, scope, before, limit) => media.trendPhotos(ctx, scope, before, limit),
    leadTimeDays: config.trends.leadTimeDays,
    visibleProducts: async (ctx, ids) => new Set((await catalog.getSummaries(ctx, ids)).map((p) => p.id)),
  });
  const trendsProjection = new TrendsProjection({ database, bus, log, partition: parsePartition(config.trends.partition), latenessMs: config.trends.latenessMs });
  const catalogImports = createCatalogImportService({ database, storage, dataDir: config.dataDir, log, privateUrls: config.importPrivateUrls });

  let closed: Promise<void> | undefined;
  return {
    config,
    version,
    log,
    database,
    bus,
    storage,
    outbox,
    identity,
    catalog,
    catalogImports,
    commerce,
    social,
    sets,
    media,
    vision,
    events,
    eventRelay,
    trends,
    trendsProjection,
    close() {
      closed ??= (async () => {
        // Background imports stop at their next batch; what they committed stays.
        await catalogImports.close();
        await vision.stop();
        await trendsProjection.stop();
        await media.recognitionSettled();
        await outbox.stop();
        await eventRelay.stop();
        await bus.close();
        await database.close();
      })();
      return closed;
    },
  };
}
