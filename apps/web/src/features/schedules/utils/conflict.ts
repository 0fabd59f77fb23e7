import type { ConflictSpec } from '../../../lib/conflicts';
import { formatDate } from '../../../lib/format';
import type { Schedule } from '../api/get-schedules';
import { scheduleText } from './schedule-form';

/** A schedule changed by someone else while a manager was ending it. The API does not say who or when. */
export const SCHEDULE_CONFLICT: ConflictSpec<Schedule> = {
  noun: 'schedule',
  fields: [
    { label: 'Ward', value: (s) => `${s.wardName}, ${s.hospitalName}` },
    { label: 'When', value: (s) => scheduleText(s) },
    { label: 'Advocate', value: (s) => s.advocateName },
    { label: 'First day', value: (s) => formatDate(s.startsOn) },
    { label: 'Last day', value: (s) => (s.endsOn ? formatDate(s.endsOn) : 'No end') },
  ],
};
