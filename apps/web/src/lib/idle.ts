/**
 * Signing out after inactivity: the one place its timings live. A screen left open on a ward or in
 * a shared office must not keep showing people's records, so after IDLE_TIMEOUT_MS without any
 * interaction (in this tab or another tab of Beacon) the session ends, with a warning
 * IDLE_WARNING_MS before.
 */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const IDLE_WARNING_MS = 2 * 60_000;
/** How often at most a tab tells the other tabs that the person is still working. */
export const ACTIVITY_SHARE_MS = 5_000;

/** What counts as interaction in a tab, besides the tab becoming visible or focused again. */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

/** The message a tab sends the others on the session's BroadcastChannel when the person is active. */
export interface ActivityMessage {
  type: 'activity';
  at: number;
}

export function isActivityMessage(data: unknown): data is ActivityMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as ActivityMessage).type === 'activity' &&
    Number.isFinite((data as ActivityMessage).at)
  );
}

export type IdleState = { phase: 'active' } | { phase: 'warning'; deadline: number } | { phase: 'timed-out' };

export interface IdleTimerOptions {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** The time is up: sign out. Called once. */
  onTimeout: () => void;
  /** Any interaction that counted, here or in another tab. */
  onActivity?: () => void;
  /** Interaction in this tab worth telling other tabs about (at most every `shareEveryMs`). */
  onShare?: (at: number) => void;
  timeoutMs?: number;
  warningMs?: number;
  shareEveryMs?: number;
}

const ACTIVE: IdleState = { phase: 'active' };
const TIMED_OUT: IdleState = { phase: 'timed-out' };

/**
 * The inactivity clock of one tab. Interaction only moves the time of the last activity; the one
 * timer looks at it when it fires, so a stream of pointer events costs nothing. Deadlines are
 * wall-clock times, checked again on every interaction: a laptop that slept past the deadline
 * signs out when it wakes rather than counting the wake-up as activity.
 */
export class IdleTimer {
  private last = 0;
  private lastShared = Number.NEGATIVE_INFINITY;
  private state: IdleState = ACTIVE;
  private timer: unknown = null;
  private running = false;
  private readonly listeners = new Set<() => void>();
  private readonly timeoutMs: number;
  private readonly warningMs: number;
  private readonly shareEveryMs: number;

  constructor(private readonly options: IdleTimerOptions) {
    this.timeoutMs = options.timeoutMs ?? IDLE_TIMEOUT_MS;
    this.warningMs = options.warningMs ?? IDLE_WARNING_MS;
    this.shareEveryMs = options.shareEveryMs ?? ACTIVITY_SHARE_MS;
  }

  getState = (): IdleState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts the clock: starting (signing in, opening the app) counts as activity. */
  start(): void {
    this.running = true;
    this.last = this.options.now();
    this.options.onActivity?.();
    this.share(this.last);
    this.check();
  }

  stop(): void {
    this.running = false;
    this.cancel();
  }

  /**
   * Interaction in this tab. While the warning shows, only `stay()` answers it: a nudge of the
   * mouse is not a decision, and the dialog should not vanish before it has been read.
   */
  activity(): void {
    if (this.settled() || this.state.phase === 'warning') return;
    this.record(this.options.now(), true);
  }

  /** "Stay signed in" in the warning. */
  stay(): void {
    if (this.settled()) return;
    this.record(this.options.now(), true);
  }

  /** Interaction another tab reported (it had the time then); it dismisses a warning here too. */
  remoteActivity(at: number): void {
    if (this.settled()) return;
    this.record(Math.min(at, this.options.now()), false);
  }

  /** Stopped, timed out, or past the deadline without the timer having fired yet (then it times out now). */
  private settled(): boolean {
    if (!this.running || this.state.phase === 'timed-out') return true;
    if (this.options.now() >= this.last + this.timeoutMs) {
      this.timeOut();
      return true;
    }
    return false;
  }

  private record(at: number, local: boolean) {
    if (at <= this.last) return;
    this.last = at;
    this.options.onActivity?.();
    if (local) this.share(at);
    // While active the pending timer re-reads `last` when it fires; a warning must go at once.
    if (this.state.phase === 'warning') this.check();
  }

  private share(at: number) {
    if (at - this.lastShared < this.shareEveryMs) return;
    this.lastShared = at;
    this.options.onShare?.(at);
  }

  private check() {
    this.cancel();
    if (!this.running) return;
    const now = this.options.now();
    const deadline = this.last + this.timeoutMs;
    if (now >= deadline) {
      this.timeOut();
      return;
    }
    const warnAt = deadline - this.warningMs;
    if (now >= warnAt) {
      this.setState({ phase: 'warning', deadline });
      this.timer = this.options.setTimeout(() => this.fire(), deadline - now);
    } else {
      this.setState(ACTIVE);
      this.timer = this.options.setTimeout(() => this.fire(), warnAt - now);
    }
  }

  private fire() {
    this.timer = null;
    this.check();
  }

  private timeOut() {
    this.cancel();
    this.running = false;
    this.setState(TIMED_OUT);
    this.options.onTimeout();
  }

  private cancel() {
    if (this.timer !== null) this.options.clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(next: IdleState) {
    const same =
      next.phase === this.state.phase &&
      (next.phase !== 'warning' || (this.state.phase === 'warning' && this.state.deadline === next.deadline));
    if (same) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** Time left, in words: "2 minutes", "1 minute 5 seconds", "40 seconds". */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : null,
    rest > 0 || minutes === 0 ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : null,
  ];
  return parts.filter(Boolean).join(' ');
}
