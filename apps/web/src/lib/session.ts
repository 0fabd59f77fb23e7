import type { Schemas } from '@beacon/api-client';

export type SessionUser = Schemas['MeDto'];
export type TokenAnswer = Schemas['TokenDto'];

/**
 * Why there is no session: none yet (`initial`), the person signed out (`signed-out`), it ended
 * behind their back (`expired`), or it was ended after a time without any activity (`idle`).
 */
export type SignedOutReason = 'initial' | 'signed-out' | 'expired' | 'idle';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; user: SessionUser }
  | { status: 'signed-out'; reason: SignedOutReason };

export interface SessionTransport {
  /** POST /api/auth/refresh: the new token, or null when the session has ended (401). */
  refresh(): Promise<TokenAnswer | null>;
  /** POST /api/auth/logout. */
  logout(): Promise<void>;
}

/** What the session needs from the browser, injectable for tests. */
export interface SessionEnvironment {
  locks?: Pick<LockManager, 'request'>;
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /**
   * Refresh on schedule only when there has been activity (see `noteActivity`) since the current
   * token came: a session nobody is using is not kept alive in the background. The refresh then
   * waits for the next activity, or for the next request that needs it.
   */
  refreshOnlyWhenActive?: boolean;
}

const REFRESH_BEFORE_EXPIRY_MS = 60_000;
const MIN_REFRESH_DELAY_MS = 5_000;
const RETRY_AFTER_NETWORK_ERROR_MS = 30_000;
type Message = 'signed-in' | 'signed-out' | 'signed-out-idle';

/**
 * The signed-in session of this tab. The access token lives only here, in memory; the refresh
 * token is an httpOnly cookie the browser sends to /api/auth. Refresh tokens are single-use and
 * reusing one revokes the whole session, so refreshes are never concurrent: one in-flight promise
 * per tab, and across tabs a Web Lock serialises them (every tab shares the one cookie).
 */
export class Session {
  private state: SessionState = { status: 'restoring' };
  private token: string | null = null;
  private inFlight: Promise<string | null> | null = null;
  private timer: unknown = null;
  /** Whether the person did anything since the current access token came. */
  private activeSinceToken = false;
  /** A scheduled refresh was skipped for want of activity: the next activity refreshes. */
  private refreshWaiting = false;
  /** Bumped by every sign-in and sign-out, so a refresh that finishes after one of them changes nothing. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly transport: SessionTransport,
    private readonly env: SessionEnvironment,
  ) {
    env.channel?.addEventListener('message', (event) =>
      this.onMessage((event as MessageEvent<Message>).data),
    );
  }

  getState = (): SessionState => this.state;

  getAccessToken = (): string | null => this.token;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** On app load: a silent refresh brings back a session the cookie still holds. Safe to call more than once. */
  async restore(): Promise<void> {
    if (this.state.status !== 'restoring') return;
    try {
      await this.refresh();
    } catch {
      // Offline or the API is down: show the sign-in page rather than a spinner for ever.
    }
    if (this.state.status === 'restoring') this.setState({ status: 'signed-out', reason: 'initial' });
  }

  /** A new access token, or null when the session has ended. Concurrent callers share one request. */
  refresh = (): Promise<string | null> => {
    if (!this.inFlight) {
      this.inFlight = this.serialised(() => this.refreshNow()).finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  };

  /** After POST /api/auth/login. */
  signedIn(answer: TokenAnswer): void {
    this.generation += 1;
    this.apply(answer);
    this.env.channel?.postMessage('signed-in' satisfies Message);
  }

  /**
   * The signed-in person's account changed under this session (GET /api/auth/me after turning on
   * two-step verification, say): the same session, with the user as the API now gives it.
   */
  userChanged(user: SessionUser): void {
    if (this.state.status !== 'signed-in' || this.state.user.id !== user.id) return;
    this.setState({ status: 'signed-in', user });
  }

  /**
   * Ends the session on the server (best effort) and forgets it here and in the other tabs:
   * `signed-out` when the person asked, `idle` when inactivity ended it.
   */
  async signOut(reason: 'signed-out' | 'idle' = 'signed-out'): Promise<void> {
    this.generation += 1;
    const wasSignedIn = this.state.status === 'signed-in';
    try {
      await this.transport.logout();
    } catch {
      // The cookie is httpOnly and the token is dropped below; an unreachable API cannot keep this tab signed in.
    }
    this.end(reason);
    if (wasSignedIn) {
      this.env.channel?.postMessage((reason === 'idle' ? 'signed-out-idle' : 'signed-out') satisfies Message);
    }
  }

  /** The person did something (here or in another tab): a refresh held back while idle happens now. */
  noteActivity = (): void => {
    this.activeSinceToken = true;
    if (this.refreshWaiting && this.state.status === 'signed-in') {
      this.refreshWaiting = false;
      this.refresh().catch(() => undefined);
    }
  };

  private async refreshNow(): Promise<string | null> {
    const generation = this.generation;
    let answer: TokenAnswer | null;
    try {
      answer = await this.transport.refresh();
    } catch (error) {
      if (generation === this.generation && this.state.status === 'signed-in') {
        this.schedule(RETRY_AFTER_NETWORK_ERROR_MS);
      }
      throw error;
    }
    if (generation !== this.generation) return this.token;
    if (!answer) {
      this.end(this.state.status === 'signed-in' ? 'expired' : 'initial');
      return null;
    }
    this.apply(answer);
    return answer.accessToken;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    return this.env.locks ? (this.env.locks.request('beacon-refresh', task) as Promise<T>) : task();
  }

  private apply(answer: TokenAnswer) {
    this.token = answer.accessToken;
    this.activeSinceToken = false;
    this.refreshWaiting = false;
    this.schedule(Math.max(answer.expiresIn * 1000 - REFRESH_BEFORE_EXPIRY_MS, MIN_REFRESH_DELAY_MS));
    this.setState({ status: 'signed-in', user: answer.user });
  }

  private end(reason: SignedOutReason) {
    this.token = null;
    this.refreshWaiting = false;
    this.cancelTimer();
    this.setState({ status: 'signed-out', reason });
  }

  private schedule(ms: number) {
    this.cancelTimer();
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      if (this.env.refreshOnlyWhenActive && !this.activeSinceToken) {
        this.refreshWaiting = true;
        return;
      }
      this.refresh().catch(() => undefined);
    }, ms);
  }

  private cancelTimer() {
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
  }

  private onMessage(message: Message) {
    if ((message === 'signed-out' || message === 'signed-out-idle') && this.state.status === 'signed-in') {
      // Another tab signed out: the shared session is over here too.
      this.generation += 1;
      this.end(message === 'signed-out-idle' ? 'idle' : 'signed-out');
    } else if (message === 'signed-in' && this.state.status === 'signed-out') {
      this.refresh().catch(() => undefined);
    }
  }

  private setState(next: SessionState) {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
