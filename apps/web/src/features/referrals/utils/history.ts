import type { Schemas } from '@beacon/api-client';

type ReferralEvent = Schemas['ReferralEventDto'];

/** What happened, in words: a re-allocation reads differently from the first allocation. */
export function eventLabel(event: Pick<ReferralEvent, 'action' | 'fromStatus'>): string {
  switch (event.action) {
    case 'RECEIVED':
      return 'Received';
    case 'TRIAGE_ACCEPT':
      return 'Accepted at triage';
    case 'TRIAGE_DECLINE':
      return 'Declined';
    case 'ALLOCATE':
      return event.fromStatus === 'AWAITING_ALLOCATION' ? 'Allocated' : 'Re-allocated';
    case 'RECORD_FIRST_CONTACT':
      return 'First contact made';
    case 'CLOSE':
      return 'Closed';
    default:
      return event.action;
  }
}

type Signpost = Schemas['SignpostDto'];

/**
 * Which triage decision recorded each signpost. The API records signposts in the same transaction
 * as the decision but does not link them, so each goes to the triage event nearest in time.
 */
export function signpostsByEvent(
  history: readonly Pick<ReferralEvent, 'id' | 'action' | 'at'>[],
  signposts: readonly Signpost[],
): Map<string, Signpost[]> {
  const triage = history.filter(
    (event) => event.action === 'TRIAGE_ACCEPT' || event.action === 'TRIAGE_DECLINE',
  );
  const byEvent = new Map<string, Signpost[]>();
  for (const signpost of signposts) {
    const at = Date.parse(signpost.createdAt);
    let nearest: (typeof triage)[number] | undefined;
    for (const event of triage) {
      if (!nearest || Math.abs(Date.parse(event.at) - at) < Math.abs(Date.parse(nearest.at) - at))
        nearest = event;
    }
    if (nearest) byEvent.set(nearest.id, [...(byEvent.get(nearest.id) ?? []), signpost]);
  }
  return byEvent;
}
