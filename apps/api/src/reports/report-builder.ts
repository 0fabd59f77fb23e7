import {
  CLOSURE_OUTCOMES,
  CLOSURE_OUTCOME_LABELS,
  DECLINE_CATEGORIES,
  DECLINE_CATEGORY_LABELS,
  DEMOGRAPHIC_FIELDS,
  ISSUES,
  ISSUE_LABELS,
  LOCAL_AUTHORITIES,
  LOCAL_AUTHORITY_LABELS,
  NOT_RECORDED,
  NOT_RECORDED_LABEL,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  SIGNPOST_ELSEWHERE,
  SIGNPOST_ELSEWHERE_LABEL,
  SOURCE_LABELS,
  STATUS_LABELS,
  TIME_ACTIVITIES,
  TIME_ACTIVITY_LABELS,
  monthLabel,
  monthsOf,
  periodLabel,
  type ReportPeriod,
  type ServiceType,
} from '@beacon/domain';
import type {
  ReportCountDto,
  ReportSummaryDto,
  ServiceWaitingDto,
  WaitingFiguresDto,
} from './dto/report.dto';
import type {
  ActivityRow,
  CaseloadRow,
  DimensionCount,
  ReferralDimension,
  SignpostRow,
  WaitingRow,
  WardRow,
} from './report-queries';

/** What the queries found for one period; the summary is built from it without touching the database. */
export interface ReportData {
  period: ReportPeriod;
  generatedAt: Date;
  counts: DimensionCount[];
  waiting: WaitingRow[];
  targets: Map<ServiceType, number>;
  signposting: SignpostRow[];
  caseload: CaseloadRow[];
  wards: WardRow[];
  activities: ActivityRow[];
}

const round = (value: number | null, places: number): number | null =>
  value === null ? null : Math.round(value * 10 ** places) / 10 ** places;

/** Every key of an enumeration in its own order, zeros included: a report shows what did not happen too. */
function fill(
  keys: readonly string[],
  labels: Record<string, string>,
  found: Map<string, number>,
): ReportCountDto[] {
  return keys.map((key) => ({ key, label: labels[key] ?? key, count: found.get(key) ?? 0 }));
}

function byDimension(counts: DimensionCount[], dimension: ReferralDimension): Map<string, number> {
  return new Map(counts.filter((c) => c.dimension === dimension).map((c) => [c.key, c.count]));
}

function waitingFigures(row: WaitingRow | undefined): WaitingFiguresDto {
  const contacted = row?.contacted ?? 0;
  const within = row?.within ?? 0;
  return {
    contacted,
    medianDays: round(row?.median ?? null, 1),
    p90Days: round(row?.p90 ?? null, 1),
    withinTarget: within,
    shareWithinTarget: contacted ? round(within / contacted, 3) : null,
    stillWaiting: row?.waiting ?? 0,
    stillWaitingBeyondTarget: row?.beyond ?? 0,
  };
}

function demographic(counts: DimensionCount[], field: keyof typeof DEMOGRAPHIC_FIELDS): ReportCountDto[] {
  const { values, labels } = DEMOGRAPHIC_FIELDS[field];
  const dimension = (field === 'ageBand' ? 'age_band' : field) as ReferralDimension;
  return fill(
    [...values, NOT_RECORDED],
    { ...labels, [NOT_RECORDED]: NOT_RECORDED_LABEL },
    byDimension(counts, dimension),
  );
}

export function buildSummary(data: ReportData): ReportSummaryDto {
  const { counts, period } = data;
  const total = counts.find((c) => c.dimension === 'total')?.count ?? 0;
  const status = byDimension(counts, 'status');
  const overall = data.waiting.find((w) => w.serviceType === null);
  const months = byDimension(counts, 'month');
  const signposts = data.signposting.filter((s) => !s.total);
  const activities = new Map(data.activities.map((a) => [a.activity, a]));
  const receivedByAdvocate = byDimension(counts, 'allocated_advocate_id');
  const visitsHeld = data.wards.reduce((sum, w) => sum + w.held, 0);
  const patientsSeen = data.wards.reduce((sum, w) => sum + w.patientsSeen, 0);

  const byService: ServiceWaitingDto[] = SERVICE_TYPES.map((serviceType) => ({
    serviceType,
    label: SERVICE_TYPE_LABELS[serviceType],
    targetDays: data.targets.get(serviceType) ?? 0,
    ...waitingFigures(data.waiting.find((w) => w.serviceType === serviceType)),
  }));

  return {
    period: { from: period.from, to: period.to, label: periodLabel(period), timeZone: 'Europe/London' },
    generatedAt: data.generatedAt.toISOString(),
    totals: {
      received: total,
      declined: status.get('DECLINED') ?? 0,
      contacted: overall?.contacted ?? 0,
      awaitingContact: overall?.waiting ?? 0,
      closed: status.get('CLOSED') ?? 0,
      openCaseload: data.caseload.reduce((sum, a) => sum + a.open, 0),
      visitsHeld,
      patientsSeen,
      minutesRecorded: data.activities.reduce((sum, a) => sum + a.minutes, 0),
    },
    byService: fill(SERVICE_TYPES, SERVICE_TYPE_LABELS, byDimension(counts, 'service_type')),
    bySource: fill(REFERRAL_SOURCES, SOURCE_LABELS, byDimension(counts, 'source')),
    byLocalAuthority: fill(LOCAL_AUTHORITIES, LOCAL_AUTHORITY_LABELS, byDimension(counts, 'local_authority')),
    byStatus: fill(REFERRAL_STATUSES, STATUS_LABELS, status),
    byOutcome: fill(CLOSURE_OUTCOMES, CLOSURE_OUTCOME_LABELS, byDimension(counts, 'outcome')),
    byIssue: fill(ISSUES, ISSUE_LABELS, byDimension(counts, 'issue')),
    byMonth: monthsOf(period).map((month) => ({
      key: month,
      label: monthLabel(month),
      count: months.get(month) ?? 0,
    })),
    declined: {
      total: status.get('DECLINED') ?? 0,
      byReason: fill(DECLINE_CATEGORIES, DECLINE_CATEGORY_LABELS, byDimension(counts, 'decline_reason')),
      signposting: signposts
        .map((s) => ({
          key: s.serviceId ?? SIGNPOST_ELSEWHERE,
          label: s.serviceId ? (s.name ?? 'Directory entry') : SIGNPOST_ELSEWHERE_LABEL,
          count: s.referrals,
        }))
        // Most used first; somewhere typed in last, whatever its count.
        .sort(
          (a, b) =>
            Number(a.key === SIGNPOST_ELSEWHERE) - Number(b.key === SIGNPOST_ELSEWHERE) ||
            b.count - a.count ||
            a.label.localeCompare(b.label),
        ),
      signposted: data.signposting.find((s) => s.total)?.referrals ?? 0,
    },
    waitingTimes: { overall: waitingFigures(overall), byService },
    caseload: data.caseload.map((a) => ({
      advocateId: a.id,
      advocateName: a.name,
      open: a.open,
      receivedInPeriod: receivedByAdvocate.get(a.id) ?? 0,
      closedInPeriod: a.closed,
    })),
    visits: data.wards.map((w) => ({
      wardId: w.id,
      wardName: w.name,
      hospitalName: w.hospital,
      held: w.held,
      cancelled: w.cancelled,
      patientsSeen: w.patientsSeen,
      newReferrals: w.newReferrals,
      minutesSpent: w.minutes,
    })),
    time: TIME_ACTIVITIES.map((activity) => ({
      activity,
      label: TIME_ACTIVITY_LABELS[activity],
      entries: activities.get(activity)?.entries ?? 0,
      minutes: activities.get(activity)?.minutes ?? 0,
    })),
    demographics: {
      ageBand: demographic(counts, 'ageBand'),
      gender: demographic(counts, 'gender'),
      ethnicity: demographic(counts, 'ethnicity'),
      disability: demographic(counts, 'disability'),
    },
  };
}
