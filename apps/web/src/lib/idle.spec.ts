import {
  ACTIVITY_SHARE_MS,
  formatRemaining,
  IDLE_TIMEOUT_MS,
  IDLE_WARNING_MS,
  IdleTimer,
  isActivityMessage,
  type IdleTimerOptions,
} from './idle';

const MINUTE = 60_000;

function setup(overrides: Partial<IdleTimerOptions> = {}) {
  const onTimeout = jest.fn();
  const onActivity = jest.fn();
  const onShare = jest.fn();
  const timer = new IdleTimer({
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onTimeout,
    onActivity,
    onShare,
    ...overrides,
  });
  const changes = jest.fn();
  timer.subscribe(changes);
  return { timer, onTimeout, onActivity, onShare, changes };
}

describe('IdleTimer', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-05-12T09:00:00Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('uses a 30-minute timeout with a warning 2 minutes before', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
    expect(IDLE_WARNING_MS).toBe(2 * MINUTE);
  });

  it('warns 2 minutes before the end and signs out after 30 minutes without activity', () => {
    const { timer, onTimeout } = setup();
    timer.start();
    expect(timer.getState()).toEqual({ phase: 'active' });

    jest.advanceTimersByTime(28 * MINUTE - 1);
    expect(timer.getState().phase).toBe('active');
    jest.advanceTimersByTime(1);
    expect(timer.getState()).toEqual({ phase: 'warning', deadline: Date.now() + 2 * MINUTE });
    expect(onTimeout).not.toHaveBeenCalled();

    jest.advanceTimersByTime(2 * MINUTE);
    expect(timer.getState()).toEqual({ phase: 'timed-out' });
    expect(onTimeout).toHaveBeenCalledTimes(1);
    // Nothing brings it back, and the end is announced once.
    timer.activity();
    timer.stay();
    jest.advanceTimersByTime(60 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('counts any activity: the clock starts again from the last one', () => {
    const { timer, onTimeout, onActivity } = setup();
    timer.start();
    jest.advanceTimersByTime(20 * MINUTE);
    timer.activity();
    expect(onActivity).toHaveBeenCalledTimes(2); // starting counts too
    jest.advanceTimersByTime(27 * MINUTE);
    expect(timer.getState().phase).toBe('active');
    jest.advanceTimersByTime(1 * MINUTE);
    expect(timer.getState().phase).toBe('warning');
    jest.advanceTimersByTime(2 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('keeps the warning up through passing pointer movement; "Stay signed in" ends it', () => {
    const { timer, onTimeout } = setup();
    timer.start();
    jest.advanceTimersByTime(29 * MINUTE);
    expect(timer.getState().phase).toBe('warning');
    timer.activity();
    expect(timer.getState().phase).toBe('warning');
    timer.stay();
    expect(timer.getState()).toEqual({ phase: 'active' });
    jest.advanceTimersByTime(28 * MINUTE);
    expect(timer.getState().phase).toBe('warning');
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('counts activity in another tab, which also takes a warning away', () => {
    const { timer, onTimeout, onShare } = setup();
    timer.start();
    onShare.mockClear();
    jest.advanceTimersByTime(29 * MINUTE);
    expect(timer.getState().phase).toBe('warning');
    timer.remoteActivity(Date.now());
    expect(timer.getState().phase).toBe('active');
    // Another tab's activity is not echoed back to the tabs.
    expect(onShare).not.toHaveBeenCalled();
    jest.advanceTimersByTime(29 * MINUTE);
    expect(onTimeout).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('ignores a report older than what it knows, and never takes one from the future', () => {
    const { timer, onTimeout } = setup();
    timer.start();
    jest.advanceTimersByTime(10 * MINUTE);
    timer.remoteActivity(Date.now() - 20 * MINUTE);
    timer.remoteActivity(Date.now() + 60 * MINUTE);
    jest.advanceTimersByTime(30 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('tells other tabs about activity here at most every few seconds', () => {
    const { timer, onShare } = setup();
    timer.start();
    expect(onShare).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i += 1) {
      jest.advanceTimersByTime(400);
      timer.activity();
    }
    expect(onShare).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(ACTIVITY_SHARE_MS);
    timer.activity();
    expect(onShare).toHaveBeenCalledTimes(2);
    expect(onShare).toHaveBeenLastCalledWith(Date.now());
  });

  it('signs out at once when woken past the deadline, rather than counting the wake-up as activity', () => {
    let now = Date.now();
    const timers: (() => void)[] = [];
    const { timer, onTimeout } = setup({
      now: () => now,
      // Timers that never fire, as in a laptop asleep.
      setTimeout: (fn) => timers.push(fn),
      clearTimeout: () => undefined,
    });
    timer.start();
    now += 45 * MINUTE;
    timer.activity();
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(timer.getState()).toEqual({ phase: 'timed-out' });
  });

  it('does nothing once stopped, and starts afresh', () => {
    const { timer, onTimeout } = setup();
    timer.start();
    timer.stop();
    jest.advanceTimersByTime(60 * MINUTE);
    expect(onTimeout).not.toHaveBeenCalled();
    timer.start();
    expect(timer.getState()).toEqual({ phase: 'active' });
    jest.advanceTimersByTime(30 * MINUTE);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('tells its listeners only when the phase (or the deadline) changes', () => {
    const { timer, changes } = setup();
    timer.start();
    for (let i = 0; i < 5; i += 1) timer.activity();
    expect(changes).not.toHaveBeenCalled();
    jest.advanceTimersByTime(28 * MINUTE);
    expect(changes).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2 * MINUTE);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('takes its timings from options', () => {
    const { timer, onTimeout } = setup({ timeoutMs: 10_000, warningMs: 3_000 });
    timer.start();
    jest.advanceTimersByTime(7_000);
    expect(timer.getState().phase).toBe('warning');
    jest.advanceTimersByTime(3_000);
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });
});

describe('isActivityMessage', () => {
  it('accepts only activity messages with a time', () => {
    expect(isActivityMessage({ type: 'activity', at: 1 })).toBe(true);
    expect(isActivityMessage('signed-out')).toBe(false);
    expect(isActivityMessage({ type: 'activity' })).toBe(false);
    expect(isActivityMessage({ type: 'activity', at: Number.NaN })).toBe(false);
    expect(isActivityMessage(null)).toBe(false);
  });
});

describe('formatRemaining', () => {
  it('says the time left in words', () => {
    expect(formatRemaining(2 * MINUTE)).toBe('2 minutes');
    expect(formatRemaining(65_000)).toBe('1 minute 5 seconds');
    expect(formatRemaining(60_000)).toBe('1 minute');
    expect(formatRemaining(40_000)).toBe('40 seconds');
    expect(formatRemaining(1_000)).toBe('1 second');
    expect(formatRemaining(400)).toBe('1 second');
    expect(formatRemaining(-5)).toBe('0 seconds');
  });
});
