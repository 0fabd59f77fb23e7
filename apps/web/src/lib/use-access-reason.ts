import { needsAccessReason, type Action } from '@beacon/domain';
import { useReducer } from 'react';
import { NO_REASON, reasonReducer } from './access-reason';
import { useUser } from './use-session';

export interface AccessReason {
  /** Whether this person must give a reason for the action at all (an admin without casework roles). */
  needed: boolean;
  /** The reason given in this search session, or null. */
  reason: string | null;
  /** A request may go: a reason is given, or none is needed. */
  ready: boolean;
  asking: boolean;
  ask: () => void;
  give: (reason: string) => void;
  cancel: () => void;
  refused: () => void;
  forget: () => void;
}

/**
 * The reason for opening case content, asked once per search session and kept in this
 * component's memory only (never stored, gone with the page). Owned by the page, so a person
 * finder that closes and opens again does not ask twice.
 */
export function useAccessReason(action: Action): AccessReason {
  const user = useUser();
  const needed = needsAccessReason(user.roles, action);
  const [state, dispatch] = useReducer(reasonReducer, NO_REASON);
  return {
    needed,
    reason: state.reason,
    ready: !needed || state.reason !== null,
    asking: state.asking,
    ask: () => dispatch({ type: 'ask' }),
    give: (reason) => dispatch({ type: 'give', reason }),
    cancel: () => dispatch({ type: 'cancel' }),
    refused: () => dispatch({ type: 'refused' }),
    forget: () => dispatch({ type: 'forget' }),
  };
}
