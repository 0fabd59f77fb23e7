import { Session, type SessionEnvironment, type TokenAnswer } from './session';

const user = {
  id: 'u1',
  email: 'sam@example.org',
  displayName: 'Sam Taylor',
  roles: ['ADVOCATE' as const],
  passwordChangeRequired: false,
  mfaEnabled: false,
  mfaRequired: false,
  mfaEnrolBy: null,
};
const answer = (accessToken: string, expiresIn = 900): TokenAnswer => ({ accessToken, expiresIn, user });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function env(overrides: Partial<SessionEnvironment> = {}) {
  const timers: { fn: () => void; ms: number }[] = [];
  const environment: SessionEnvironment = {
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: (handle) => {
      const index = (handle as number) - 1;
      if (timers[index]) timers[index].fn = () => undefined;
    },
    ...overrides,
  };
  return { environment, timers };
}

describe('Session', () => {
  it('restores a session from the refresh cookie and schedules the next refresh a minute before expiry', async () => {
    const refresh = jest.fn().mockResolvedValue(answer('t1', 900));
    const { environment, timers } = env();
    const session = new Session({ refresh, logout: jest.fn() }, environment);
    expect(session.getState()).toEqual({ status: 'restoring' });
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signed-in', user });
    expect(session.getAccessToken()).toBe('t1');
    expect(timers.at(-1)?.ms).toBe(840_000);
  });

  it('is signed out after restoring when there is no session', async () => {
    const session = new Session(
      { refresh: jest.fn().mockResolvedValue(null), logout: jest.fn() },
      env().environment,
    );
    await session.restore();
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'initial' });
  });

  it('shares one refresh among concurrent callers (refresh tokens are single-use)', async () => {
    const pending = deferred<TokenAnswer | null>();
    const refresh = jest.fn().mockReturnValue(pending.promise);
    const session = new Session({ refresh, logout: jest.fn() }, env().environment);
    const calls = [session.refresh(), session.refresh(), session.refresh()];
    pending.resolve(answer('t2'));
    await expect(Promise.all(calls)).resolves.toEqual(['t2', 't2', 't2']);
    expect(refresh).toHaveBeenCalledTimes(1);
    // Once settled, the next refresh is a new request.
    refresh.mockResolvedValue(answer('t3'));
    await expect(session.refresh()).resolves.toBe('t3');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('runs refreshes under the cross-tab lock when Web Locks exist', async () => {
    const names: string[] = [];
    const locks = {
      request: jest.fn((name: string, task: () => Promise<unknown>) => {
        names.push(name);
        return task();
      }),
    } as unknown as SessionEnvironment['locks'];
    const session = new Session(
      { refresh: jest.fn().mockResolvedValue(answer('t1')), logout: jest.fn() },
      env({ locks }).environment,
    );
    await session.refresh();
    expect(names).toEqual(['beacon-refresh']);
  });

  it('marks the session expired when a refresh is refused while signed in', async () => {
    const refresh = jest.fn().mockResolvedValueOnce(answer('t1')).mockResolvedValueOnce(null);
    const session = new Session({ refresh, logout: jest.fn() }, env().environment);
    await session.restore();
    await expect(session.refresh()).resolves.toBeNull();
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(session.getAccessToken()).toBeNull();
  });

  it('keeps the session through a network error and tries again later', async () => {
    const refresh = jest
      .fn()
      .mockResolvedValueOnce(answer('t1'))
      .mockRejectedValueOnce(new TypeError('offline'));
    const { environment, timers } = env();
    const session = new Session({ refresh, logout: jest.fn() }, environment);
    await session.restore();
    await expect(session.refresh()).rejects.toThrow('offline');
    expect(session.getState().status).toBe('signed-in');
    expect(timers.at(-1)?.ms).toBe(30_000);
  });

  it('ignores a refresh that finishes after the person signed out', async () => {
    const pending = deferred<TokenAnswer | null>();
    const session = new Session(
      { refresh: () => pending.promise, logout: jest.fn().mockResolvedValue(undefined) },
      env().environment,
    );
    session.signedIn(answer('t1'));
    const late = session.refresh();
    await session.signOut();
    pending.resolve(answer('t2'));
    await late;
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(session.getAccessToken()).toBeNull();
  });

  it('signs out even when the API cannot be reached, and tells other tabs', async () => {
    const posted: unknown[] = [];
    const channel = { postMessage: (m: unknown) => posted.push(m), addEventListener: jest.fn() };
    const session = new Session(
      { refresh: jest.fn(), logout: jest.fn().mockRejectedValue(new TypeError('offline')) },
      env({ channel }).environment,
    );
    const listener = jest.fn();
    session.subscribe(listener);
    session.signedIn(answer('t1'));
    await session.signOut();
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(posted).toEqual(['signed-in', 'signed-out']);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('follows a sign-out in another tab', () => {
    let onMessage: (event: MessageEvent) => void = () => undefined;
    const channel = {
      postMessage: jest.fn(),
      addEventListener: (_type: string, fn: (event: MessageEvent) => void) => {
        onMessage = fn;
      },
    } as unknown as SessionEnvironment['channel'];
    const session = new Session({ refresh: jest.fn(), logout: jest.fn() }, env({ channel }).environment);
    session.signedIn(answer('t1'));
    onMessage({ data: 'signed-out' } as MessageEvent);
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });

  it('takes a changed account into the same session, and ignores one for another person or no session', async () => {
    const session = new Session(
      { refresh: jest.fn(), logout: jest.fn().mockResolvedValue(undefined) },
      env().environment,
    );
    const listener = jest.fn();
    session.subscribe(listener);
    const enrolled = { ...user, mfaEnabled: true };

    session.userChanged(enrolled);
    expect(session.getState()).toEqual({ status: 'restoring' });

    session.signedIn(answer('t1'));
    listener.mockClear();
    session.userChanged(enrolled);
    expect(session.getState()).toEqual({ status: 'signed-in', user: enrolled });
    expect(session.getAccessToken()).toBe('t1');
    expect(listener).toHaveBeenCalledTimes(1);

    session.userChanged({ ...enrolled, id: 'u2', displayName: 'Someone Else' });
    expect(session.getState()).toEqual({ status: 'signed-in', user: enrolled });

    await session.signOut();
    session.userChanged(enrolled);
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });

  it('ends on an inactivity sign-out with reason idle, and tells other tabs it was inactivity', async () => {
    const posted: unknown[] = [];
    const channel = { postMessage: (m: unknown) => posted.push(m), addEventListener: jest.fn() };
    const logout = jest.fn().mockResolvedValue(undefined);
    const session = new Session({ refresh: jest.fn(), logout }, env({ channel }).environment);
    session.signedIn(answer('t1'));
    await session.signOut('idle');
    expect(logout).toHaveBeenCalledTimes(1);
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'idle' });
    expect(posted).toEqual(['signed-in', 'signed-out-idle']);
  });

  it('follows an inactivity sign-out in another tab, and ignores activity messages', () => {
    let onMessage: (event: MessageEvent) => void = () => undefined;
    const channel = {
      postMessage: jest.fn(),
      addEventListener: (_type: string, fn: (event: MessageEvent) => void) => {
        onMessage = fn;
      },
    } as unknown as SessionEnvironment['channel'];
    const session = new Session({ refresh: jest.fn(), logout: jest.fn() }, env({ channel }).environment);
    session.signedIn(answer('t1'));
    onMessage({ data: { type: 'activity', at: 1 } } as MessageEvent);
    expect(session.getState().status).toBe('signed-in');
    onMessage({ data: 'signed-out-idle' } as MessageEvent);
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'idle' });
  });

  describe('while the person is idle (refreshOnlyWhenActive)', () => {
    it('does not refresh in the background, and refreshes at the next activity', async () => {
      const refresh = jest.fn().mockResolvedValue(answer('t2'));
      const { environment, timers } = env({ refreshOnlyWhenActive: true });
      const session = new Session({ refresh, logout: jest.fn() }, environment);
      session.signedIn(answer('t1'));
      timers.at(-1)?.fn();
      expect(refresh).not.toHaveBeenCalled();
      expect(session.getAccessToken()).toBe('t1');

      session.noteActivity();
      expect(refresh).toHaveBeenCalledTimes(1);
      await Promise.resolve();
      await Promise.resolve();
      expect(session.getAccessToken()).toBe('t2');
    });

    it('refreshes on schedule when there was activity since the token came', async () => {
      const refresh = jest.fn().mockResolvedValue(answer('t2'));
      const { environment, timers } = env({ refreshOnlyWhenActive: true });
      const session = new Session({ refresh, logout: jest.fn() }, environment);
      session.signedIn(answer('t1'));
      session.noteActivity();
      expect(refresh).not.toHaveBeenCalled();
      timers.at(-1)?.fn();
      expect(refresh).toHaveBeenCalledTimes(1);
      await session.refresh();
      // The new token starts a new period: without activity, its own refresh waits.
      timers.at(-1)?.fn();
      expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('does not refresh on activity after the session has ended', async () => {
      const refresh = jest.fn();
      const { environment, timers } = env({ refreshOnlyWhenActive: true });
      const session = new Session({ refresh, logout: jest.fn().mockResolvedValue(undefined) }, environment);
      session.signedIn(answer('t1'));
      timers.at(-1)?.fn();
      await session.signOut('idle');
      session.noteActivity();
      expect(refresh).not.toHaveBeenCalled();
    });
  });
});
