import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, Validate } from 'class-validator';
import { SERVICE_TYPES, type ServiceType } from '@beacon/domain';
import { CalendarDateRule } from '../../common/validators';

/**
 * The period of a report: Europe/London calendar days, both inclusive. Each date is checked
 * here; an end before the start and a range over 366 days in the service (periodProblems in
 * libs/domain, whose words the SPA shows too). Every problem answers 400 naming its field.
 */
export class ReportQuery {
  @ApiProperty({ format: 'date', example: '2026-04-01', description: 'First day (Europe/London), inclusive' })
  @Validate(CalendarDateRule)
  from: string;

  @ApiProperty({
    format: 'date',
    example: '2027-03-31',
    description: 'Last day (Europe/London), inclusive; the period is at most 366 days long',
  })
  @Validate(CalendarDateRule)
  to: string;
}

export class ReportPeriodDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ example: 'Financial year 2026/27' }) label: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
}

/** One bar of a breakdown: a key (an enum value, a month, an id), its label and how many. */
export class ReportCountDto {
  @ApiProperty({ description: 'An enum value, YYYY-MM for months, an id, or NOT_RECORDED / OTHER' })
  key: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class ReportTotalsDto {
  @ApiProperty({ description: 'Referrals received in the period' }) received: number;
  @ApiProperty({ description: 'Of those, declined (now)' }) declined: number;
  @ApiProperty({ description: 'Of those, first contact made (now)' }) contacted: number;
  @ApiProperty({ description: 'Of those, open and still waiting for first contact (now)' })
  awaitingContact: number;
  @ApiProperty({ description: 'Of those, closed (now)' }) closed: number;
  @ApiProperty({ description: 'Open cases (allocated or active) across all advocates, now' })
  openCaseload: number;
  @ApiProperty({ description: 'Ward visits held in the period' }) visitsHeld: number;
  @ApiProperty({ description: 'Patients seen on those visits' }) patientsSeen: number;
  @ApiProperty({ description: 'Minutes recorded in the period (case notes and ward visits)' })
  minutesRecorded: number;
}

export class DeclinedDto {
  @ApiProperty({ description: 'Referrals received in the period and declined' }) total: number;
  @ApiProperty({
    type: [ReportCountDto],
    description: 'Why, from the recorded decision: NOT_ELIGIBLE, OUT_OF_SCOPE (no issue in scope) or OTHER',
  })
  byReason: ReportCountDto[];
  @ApiProperty({
    type: [ReportCountDto],
    description:
      'Referrals received in the period (declined or not) signposted to each directory entry (key: its id), or OTHER for destinations typed in',
  })
  signposting: ReportCountDto[];
  @ApiProperty({ description: 'Referrals received in the period that were signposted anywhere' })
  signposted: number;
}

export class WaitingFiguresDto {
  @ApiProperty({ description: 'Referrals received in the period with a first contact' }) contacted: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median days from received to first contact (elapsed, 1 decimal)',
  })
  medianDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile (continuous), days, 1 decimal' })
  p90Days: number | null;
  @ApiProperty({ description: 'Of the contacted, how many within their service’s target' })
  withinTarget: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'withinTarget ÷ contacted, 0–1 (3 decimals); null when nobody was contacted',
  })
  shareWithinTarget: number | null;
  @ApiProperty({ description: 'Received in the period, open and not yet contacted (now)' })
  stillWaiting: number;
  @ApiProperty({ description: 'Of those still waiting, how many are already past their target (now)' })
  stillWaitingBeyondTarget: number;
}

export class ServiceWaitingDto extends WaitingFiguresDto {
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' }) serviceType: ServiceType;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'The target (days) in force when the report was made' }) targetDays: number;
}

export class WaitingTimesDto {
  @ApiProperty({ type: WaitingFiguresDto }) overall: WaitingFiguresDto;
  @ApiProperty({ type: [ServiceWaitingDto] }) byService: ServiceWaitingDto[];
}

export class AdvocateCaseloadDto {
  @ApiProperty({ format: 'uuid' }) advocateId: string;
  @ApiProperty() advocateName: string;
  @ApiProperty({ description: 'Allocated or active cases now' }) open: number;
  @ApiProperty({ description: 'Referrals received in the period now allocated to this advocate' })
  receivedInPeriod: number;
  @ApiProperty({ description: 'Cases of this advocate closed in the period' }) closedInPeriod: number;
}

export class WardVisitsDto {
  @ApiProperty({ format: 'uuid' }) wardId: string;
  @ApiProperty() wardName: string;
  @ApiProperty() hospitalName: string;
  @ApiProperty({ description: 'Visits logged as held, dated in the period' }) held: number;
  @ApiProperty({ description: 'Visits cancelled, dated in the period' }) cancelled: number;
  @ApiProperty({ description: 'Patients seen on the held visits' }) patientsSeen: number;
  @ApiProperty({ description: 'New referrals picked up on the held visits' }) newReferrals: number;
  @ApiProperty({ description: 'Minutes logged on the held visits' }) minutesSpent: number;
}

export class ActivityTimeDto {
  @ApiProperty({ description: 'A case note kind (CONTACT, VISIT, MEETING, ADMIN, OTHER) or WARD_VISIT' })
  activity: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Entries with time recorded' }) entries: number;
  @ApiProperty() minutes: number;
}

export class DemographicsDto {
  @ApiProperty({
    type: [ReportCountDto],
    description: 'From the date of birth at the referral’s date when recorded, else the recorded band',
  })
  ageBand: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto] }) gender: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto] }) ethnicity: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto] }) disability: ReportCountDto[];
}

/** Every figure of docs/reports.md for one period. Aggregates only: no names, no case content. */
export class ReportSummaryDto {
  @ApiProperty({ type: ReportPeriodDto }) period: ReportPeriodDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: ReportTotalsDto }) totals: ReportTotalsDto;
  @ApiProperty({ type: [ReportCountDto], description: 'Referrals received, by service' })
  byService: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto] }) bySource: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto] }) byLocalAuthority: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto], description: 'Their status now' }) byStatus: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto], description: 'The closed ones, by outcome' })
  byOutcome: ReportCountDto[];
  @ApiProperty({
    type: [ReportCountDto],
    description: 'Issues raised (a referral counts once for each issue it names)',
  })
  byIssue: ReportCountDto[];
  @ApiProperty({ type: [ReportCountDto], description: 'By month received (Europe/London), key YYYY-MM' })
  byMonth: ReportCountDto[];
  @ApiProperty({ type: DeclinedDto }) declined: DeclinedDto;
  @ApiProperty({ type: WaitingTimesDto }) waitingTimes: WaitingTimesDto;
  @ApiProperty({ type: [AdvocateCaseloadDto] }) caseload: AdvocateCaseloadDto[];
  @ApiProperty({ type: [WardVisitsDto] }) visits: WardVisitsDto[];
  @ApiProperty({ type: [ActivityTimeDto] }) time: ActivityTimeDto[];
  @ApiProperty({ type: DemographicsDto, description: 'Referrals received, by the person’s answers' })
  demographics: DemographicsDto;
}

export class WaitingTargetDto {
  @ApiProperty({ enum: SERVICE_TYPES, enumName: 'ServiceType' }) serviceType: ServiceType;
  @ApiProperty() label: string;
  @ApiProperty({ minimum: 1, maximum: 365 }) targetDays: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class WaitingTargetListDto {
  @ApiProperty({ type: [WaitingTargetDto] }) items: WaitingTargetDto[];
}

export class UpdateWaitingTargetInput {
  @ApiProperty({ minimum: 1, maximum: 365, description: 'Days from receipt to first contact' })
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(365)
  targetDays: number;

  @ApiProperty({ minimum: 1, description: 'The version you loaded; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}
