import { useEffect, useState, useSyncExternalStore } from 'react';
import { session, sessionChannel } from './api';
import { ACTIVITY_EVENTS, IdleTimer, isActivityMessage, type ActivityMessage, type IdleState } from './idle';

/**
 * The inactivity clock of the signed-in shell: interaction in this tab (pointer, keys, touch, the
 * tab coming back into view) or in another tab of Beacon keeps the session; after the idle
 * timeout it ends (reason `idle`, so a note being typed is kept for the next sign-in). While the
 * person is idle the session is not refreshed in the background either (see Session).
 */
export function useInactivity(): { state: IdleState; stay: () => void } {
  const [idle] = useState(
    () =>
      new IdleTimer({
        now: () => Date.now(),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (handle) => window.clearTimeout(handle as number),
        onTimeout: () => void session.signOut('idle'),
        onActivity: session.noteActivity,
        onShare: (at) => sessionChannel?.postMessage({ type: 'activity', at } satisfies ActivityMessage),
      }),
  );

  useEffect(() => {
    const local = () => idle.activity();
    const visible = () => {
      if (document.visibilityState === 'visible') idle.activity();
    };
    const remote = (event: MessageEvent) => {
      if (isActivityMessage(event.data)) idle.remoteActivity(event.data.at);
    };
    const options = { capture: true, passive: true } as const;
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, local, options);
    window.addEventListener('focus', local);
    document.addEventListener('visibilitychange', visible);
    sessionChannel?.addEventListener('message', remote);
    idle.start();
    return () => {
      idle.stop();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, local, options);
      window.removeEventListener('focus', local);
      document.removeEventListener('visibilitychange', visible);
      sessionChannel?.removeEventListener('message', remote);
    };
  }, [idle]);

  const state = useSyncExternalStore(idle.subscribe, idle.getState);
  return { state, stay: () => idle.stay() };
}
