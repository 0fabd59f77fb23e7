import type { ConflictSpec } from '../../../lib/conflicts';
import type { SignpostingService } from '../../../lib/signposting';

/** A directory entry changed by someone else while an admin was changing it. The API does not say who or when. */
export const SIGNPOSTING_CONFLICT: ConflictSpec<SignpostingService> = {
  noun: 'entry',
  fields: [
    { label: 'Name', value: (s) => s.name },
    { label: 'Description', value: (s) => s.description || null },
    { label: 'How to reach it', value: (s) => s.contact || null },
    { label: 'Offered at triage', value: (s) => (s.active ? 'Yes' : 'No, retired') },
  ],
};
