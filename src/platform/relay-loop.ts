/**
 * The scheduling every relay shares (the outbox's, the event log's): run rounds now, when kicked and
 * every `pollMs`; one round at a time, a kick during a round asks for another; keep going while a
 * round says there may be more; a failed round is logged and retried on the next kick or poll.
 */
export interface RelayLoopOptions {
  pollMs: number;
  /** Publishes one page; resolves true when there may be more right away. */
  round: () => Promise<boolean>;
  onError: (error: unknown) => void;
}

export class RelayLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: RelayLoopOptions) {}

  /** Starts: a round now, then on every kick and every `pollMs`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Asks for a round soon; cheap to call often. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when the round in flight (if any) has finished. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** No more rounds after the one in flight, which it waits for. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.options.round())) {
          // there may be more
        }
      } catch (error) {
        this.options.onError(error);
        return;
      }
    } while (this.again && !this.stopped);
  }
}
