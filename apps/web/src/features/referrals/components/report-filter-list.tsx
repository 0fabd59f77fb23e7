import {
  CLOSURE_OUTCOME_LABELS,
  DECLINE_CATEGORY_LABELS,
  ISSUE_LABELS,
  SIGNPOST_ELSEWHERE,
  SIGNPOST_ELSEWHERE_LABEL,
  SOURCE_LABELS,
  STATUS_LABELS,
  demographicLabel,
} from '@beacon/domain';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../../components/button';
import { formatDate } from '../../../lib/format';
import { signpostingServicesQueryOptions } from '../../../lib/signposting';
import type { ReferralFilters } from '../api/get-referrals';
import { REPORT_FILTER_KEYS, type ReportFilterKey } from '../utils/filters';

/** What a report's drill-down applied, in words: one line each, and a way to clear them all. */
export function ReportFilterList({
  filters,
  onClear,
}: {
  filters: ReferralFilters;
  onClear: (change: Partial<Record<ReportFilterKey | 'status', string>>) => void;
}) {
  const directory = useQuery({
    ...signpostingServicesQueryOptions(true),
    enabled: Boolean(filters.signpost),
  });
  const items: string[] = [];
  if (filters.receivedFrom || filters.receivedTo) {
    items.push(
      filters.receivedFrom && filters.receivedTo
        ? `Received ${formatDate(filters.receivedFrom)} to ${formatDate(filters.receivedTo)}`
        : filters.receivedFrom
          ? `Received on or after ${formatDate(filters.receivedFrom)}`
          : `Received on or before ${formatDate(filters.receivedTo ?? '')}`,
    );
  }
  // Several statuses at once come only from a report (the control picks one): "open cases".
  const statuses = filters.status && filters.status.length > 1 ? filters.status : null;
  if (statuses) items.push(`Status: ${statuses.map((status) => STATUS_LABELS[status]).join(' or ')}`);
  if (filters.source) items.push(`Source: ${SOURCE_LABELS[filters.source]}`);
  if (filters.outcome) items.push(`Outcome: ${CLOSURE_OUTCOME_LABELS[filters.outcome]}`);
  if (filters.issue) items.push(`Issue raised: ${ISSUE_LABELS[filters.issue]}`);
  if (filters.declineReason) items.push(`Declined: ${DECLINE_CATEGORY_LABELS[filters.declineReason]}`);
  if (filters.ageBand) items.push(`Age band: ${demographicLabel('ageBand', filters.ageBand)}`);
  if (filters.gender) items.push(`Gender: ${demographicLabel('gender', filters.gender)}`);
  if (filters.ethnicity) items.push(`Ethnic group: ${demographicLabel('ethnicity', filters.ethnicity)}`);
  if (filters.disability) items.push(`Disability: ${demographicLabel('disability', filters.disability)}`);
  if (filters.signpost) {
    const name =
      filters.signpost === SIGNPOST_ELSEWHERE
        ? SIGNPOST_ELSEWHERE_LABEL.toLowerCase()
        : (directory.data?.items.find((entry) => entry.id === filters.signpost)?.name ?? 'a directory entry');
    items.push(`Signposted to ${name}`);
  }
  if (items.length === 0) return null;
  return (
    <div className="report-filters" role="group" aria-labelledby="report-filters-title">
      <p id="report-filters-title" className="report-filters__title">
        From a report:
      </p>
      <ul className="report-filters__list">
        {items.map((item) => (
          <li key={item} className="tag tag--info">
            {item}
          </li>
        ))}
      </ul>
      <Button
        variant="link"
        onClick={() =>
          onClear({
            ...Object.fromEntries(REPORT_FILTER_KEYS.map((key) => [key, ''])),
            ...(statuses ? { status: '' } : {}),
          })
        }
      >
        Clear these
      </Button>
    </div>
  );
}
