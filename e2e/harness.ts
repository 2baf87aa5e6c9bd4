/**
 * The browser-journey harness: one real Coterie server per journey file (fresh data folder, free
 * port), and for every journey a fresh Chromium profile at the journey's device size. Everything
 * started here is stopped and deleted afterwards; a failing journey leaves a full-page screenshot
 * in e2e/artifacts/<journey name>.png.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { after, before, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const HEALTH_TIMEOUT_MS = 60_000;
const JOURNEY_TIMEOUT_MS = 120_000;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifactsDir = path.join(repoRoot, 'e2e', 'artifacts');

export interface Device {
  name: string;
  viewport: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

export const phone: Device = {
  name: 'phone',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
};
export const desktop: Device = { name: 'desktop', viewport: { width: 1280, height: 800 } };

export interface Journey {
  page: Page;
  device: Device;
  /** The server's origin, e.g. http://127.0.0.1:41234 — no trailing slash. */
  baseUrl: string;
  /** Clicks on desktop, taps on touch devices: the way a person on that device would. */
  press(locator: Locator): Promise<void>;
  /**
   * Someone else at the same time, on a device of their own: a separate browser profile (their own
   * cookies), closed with the journey; a failure screenshots their page too.
   */
  another(name: string, device: Device): Promise<Person>;
}

/** A second person in a journey (see Journey.another). */
export interface Person {
  page: Page;
  device: Device;
  press(locator: Locator): Promise<void>;
}

function pressFor(device: Device) {
  return (locator: Locator) => (device.hasTouch ? locator.tap() : locator.click());
}

/**
 * Why journeys cannot run here, or undefined when they can. Without Chromium a developer's run
 * skips the journeys; CI must not silently pass, so there the missing browser is a failure.
 */
function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env['CI']) return undefined;
  return 'Chromium not installed: apt-get install -y chromium';
}

/** Asks the OS for a port nobody is using by binding port 0 and releasing it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

interface RunningServer {
  baseUrl: string;
  workDir: string;
  child: ChildProcess;
  /** The server's recent output, for failure reports. */
  recentOutput(): string;
}

/**
 * The environment the server and `runCoterie` get. With DATABASE_URL set (the PostgreSQL run), each
 * journey file gets a database of its own on that server, dropped afterwards.
 */
let coterieEnv: NodeJS.ProcessEnv = process.env;

async function withOwnDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `coterie_e2e_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`).finally(() => admin.end());
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`).finally(() => client.end());
    },
  };
}

/** The data folder of the journey file's server, inside its work folder. */
function dataDirOf(workDir: string): string {
  return path.join(workDir, 'data');
}

async function startServer(workDir: string): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = dataDirOf(workDir);
  const child = spawn(process.execPath, ['bin/coterie.js', 'serve', '--port', String(port), '--data', dataDir], {
    cwd: repoRoot,
    // Journeys build their own world (a `prepare` step may seed one); a first-run demo world would only slow them.
    env: { ...coterieEnv, COTERIE_SEED_ON_START: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: RunningServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    workDir,
    child,
    recentOutput: () => output.trimEnd().split('\n').slice(-40).join('\n'),
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`coterie serve exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${server.recentOutput()}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopServer(server);
  throw new Error(`coterie serve was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s:\n${server.recentOutput()}`);
}

async function stopServer(server: RunningServer): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A graceful stop closes the embedded database cleanly; give it a moment, then insist.
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function openBrowser(workDir: string, device: Device): Promise<BrowserContext> {
  const profileDir = await mkdtemp(path.join(workDir, `profile-${device.name}-`));
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: device.viewport,
    isMobile: device.isMobile ?? false,
    hasTouch: device.hasTouch ?? false,
    deviceScaleFactor: device.deviceScaleFactor ?? 1,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
}

/** The journey's name as a file name: "join, sign out (phone)" → "join-sign-out-phone". */
function artifactName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface CoterieOptions {
  /**
   * Runs before the server starts, with the folder its data will live in and a scratch folder
   * beside it: the place to import a catalogue with `runCoterie`.
   */
  prepare?: (folders: { dataDir: string; workDir: string }) => Promise<void>;
}

/**
 * Runs the `coterie` command to completion (e.g. `import catalog`), failing with its output
 * when it exits non-zero. Returns what it printed on stdout.
 */
export function runCoterie(args: string[], options: { timeoutMs?: number } = {}): string {
  const result = spawnSync(process.execPath, ['bin/coterie.js', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, env: coterieEnv });
  if (result.status !== 0) {
    throw new Error(`coterie ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Sets up the journeys of one file: a Coterie server shared by them, started before the first and
 * stopped after the last. Returns `journey(name, device, run)` to declare each journey.
 */
export function useCoterie(options: CoterieOptions = {}) {
  const skip = chromiumSkipReason();
  let server: RunningServer | undefined;
  let workDir: string | undefined;
  let ownDatabase: { url: string; drop(): Promise<void> } | undefined;

  before(async () => {
    if (skip) return;
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Browser journeys need Chromium at ${CHROMIUM_PATH} and CI is set: apt-get install -y chromium`);
    }
    workDir = await mkdtemp(path.join(tmpdir(), 'coterie-e2e-'));
    if (process.env['DATABASE_URL']) {
      ownDatabase = await withOwnDatabase(process.env['DATABASE_URL']);
      coterieEnv = { ...process.env, DATABASE_URL: ownDatabase.url };
    }
    await options.prepare?.({ dataDir: dataDirOf(workDir), workDir });
    server = await startServer(workDir);
  });

  after(async () => {
    if (server) await stopServer(server);
    if (workDir) await rm(workDir, { recursive: true, force: true });
    await ownDatabase?.drop();
    coterieEnv = process.env;
  });

  /** Declares a journey; `timeout` (ms) lengthens the default two minutes for a long one. */
  function journey(name: string, device: Device, run: (journey: Journey) => Promise<void>, options: { timeout?: number } = {}): void {
    const title = `${name} (${device.name})`;
    test(title, { skip: skip ?? false, timeout: options.timeout ?? JOURNEY_TIMEOUT_MS }, async (t: TestContext) => {
      if (!server || !workDir) throw new Error('the Coterie server did not start (see the before hook)');
      const folder = workDir;
      const context = await openBrowser(folder, device);
      const page = context.pages()[0] ?? (await context.newPage());
      const browserProblems: string[] = [];
      const watch = (who: string, watched: Page) => {
        watched.setDefaultTimeout(15_000);
        watched.on('pageerror', (error) => browserProblems.push(`${who}page error: ${error.message}`));
        watched.on('console', (message) => {
          if (message.type() === 'error') browserProblems.push(`${who}console: ${message.text()}`);
        });
      };
      watch('', page);
      const others: { name: string; context: BrowserContext; page: Page }[] = [];
      const another = async (name: string, otherDevice: Device): Promise<Person> => {
        const otherContext = await openBrowser(folder, otherDevice);
        const otherPage = otherContext.pages()[0] ?? (await otherContext.newPage());
        watch(`${name}: `, otherPage);
        others.push({ name, context: otherContext, page: otherPage });
        return { page: otherPage, device: otherDevice, press: pressFor(otherDevice) };
      };
      try {
        await run({ page, device, baseUrl: server.baseUrl, press: pressFor(device), another });
      } catch (error) {
        await mkdir(artifactsDir, { recursive: true });
        const shot = path.join(artifactsDir, `${artifactName(title)}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        t.diagnostic(`screenshot: ${path.relative(repoRoot, shot)} (at ${page.url()})`);
        for (const other of others) {
          const otherShot = path.join(artifactsDir, `${artifactName(`${title} ${other.name}`)}.png`);
          await other.page.screenshot({ path: otherShot, fullPage: true }).catch(() => undefined);
          t.diagnostic(`screenshot of ${other.name}: ${path.relative(repoRoot, otherShot)} (at ${other.page.url()})`);
        }
        for (const problem of browserProblems) t.diagnostic(problem);
        t.diagnostic('server output (last lines):');
        for (const line of server.recentOutput().split('\n').slice(-15)) t.diagnostic(line);
        throw error;
      } finally {
        for (const other of others) await other.context.close();
        await context.close();
      }
    });
  }

  return { journey, baseUrl: () => server?.baseUrl ?? '' };
}

/**
 * Saves a full-page screenshot as e2e/artifacts/<name>.png once the page's images have loaded,
 * for people reviewing a change to see each step.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // From the top, so the sticky top bar is not painted across the middle of the full page.
  // (e2e code has no DOM types: the page's window is reached through globalThis.)
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.screenshot({ path: path.join(artifactsDir, `${artifactName(name)}.png`), fullPage: true });
}

/** Waits until the locator is visible; a readable alternative to an expect library. */
export async function seen(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
}

/** Waits until the locator is gone or hidden. */
export async function gone(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** A new member's details, unique per run so journeys sharing a server never collide. */
/** Joins as a new member through the join page and waits to leave it; answers who joined. */
export async function joinAsNewMember({ page, press }: Pick<Journey, 'page' | 'press'>, baseUrl: string, label: string): Promise<ReturnType<typeof newMember>> {
  const member = newMember(label);
  await page.goto(`${baseUrl}/join`);
  await page.getByLabel('Handle', { exact: true }).fill(member.handle);
  await page.getByLabel('Email', { exact: true }).fill(member.email);
  await page.getByLabel('Password', { exact: true }).fill(member.password);
  await press(page.getByRole('button', { name: 'Join Coterie' }));
  await page.waitForURL((url) => url.pathname !== '/join');
  return member;
}

export function newMember(label: string) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const handle = `${label}.${suffix}`.toLowerCase().slice(0, 30);
  return {
    handle,
    email: `${handle.replace(/\./g, '_')}@example.com`,
    password: 'velvet-blazer-2026',
    displayName: `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} Tester`,
  };
}

/** Waits until at least `atLeast` images inside `scope` show real pixels (lazy ones load once in view). */
export async function expectImages(scope: Locator, atLeast: number, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  let loaded = 0;
  while (Date.now() < deadline) {
    loaded = await scope.first().evaluate((root) => [...root.querySelectorAll('img')].filter((img) => img.complete && img.naturalWidth > 0).length);
    if (loaded >= atLeast) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: ${loaded} images loaded, expected at least ${atLeast}`);
}

/** What the journeys read from the demo world's `seed-truth.json`. */
export interface SeedTruth {
  trends: { kind: string; key: string; label: string }[];
}

/**
 * A journey file on the demo world: `coterie seed --seed 42` before its server starts; `truth()`
 * answers the world's ground truth once it is built.
 */
export function useSeededWorld() {
  let truth: SeedTruth | undefined;
  const { journey } = useCoterie({
    async prepare({ dataDir }) {
      runCoterie(['seed', '--seed', '42', '--data', dataDir], { timeoutMs: 600_000 });
      truth = JSON.parse(readFileSync(path.join(dataDir, 'seed-truth.json'), 'utf8')) as SeedTruth;
    },
  });
  return {
    journey,
    truth(): SeedTruth {
      if (!truth) throw new Error('the demo world has not been seeded yet');
      return truth;
    },
  };
}
