import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
} from 'class-validator';
import {
  VISIT_LOG_STATUSES,
  VISIT_STATUSES,
  WEEKDAYS,
  isWallTime,
  type VisitLogStatus,
  type VisitStatus,
  type Weekday,
} from '@beacon/domain';
import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { CalendarDateRule, trimmed } from '../../common/validators';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

@ValidatorConstraint({ name: 'wallTime' })
export class WallTimeRule implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isWallTime(value);
  }
  defaultMessage() {
    return 'must be a 24-hour time HH:mm';
  }
}

export class CreateScheduleInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  wardId: string;

  @ApiProperty({ format: 'uuid', description: 'An active advocate' })
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId: string;

  @ApiProperty({ enum: WEEKDAYS, enumName: 'Weekday' })
  @IsIn(WEEKDAYS, oneOf(WEEKDAYS))
  weekday: Weekday;

  @ApiProperty({ example: '10:00', description: 'Europe/London wall time, HH:mm' })
  @Validate(WallTimeRule)
  startTime: string;

  @ApiProperty({ minimum: 5, maximum: 720, example: 90 })
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes: number;

  @ApiProperty({ format: 'date' })
  @Validate(CalendarDateRule)
  startsOn: string;

  @ApiProperty({ required: false, format: 'date', description: 'Last day, inclusive; none: until ended' })
  @IsOptional()
  @Validate(CalendarDateRule)
  endsOn?: string;
}

export class EndScheduleInput {
  @ApiProperty({ format: 'date', description: 'Last day of the schedule, inclusive' })
  @Validate(CalendarDateRule)
  endsOn: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class SchedulesQuery {
  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  wardId?: string;
}

export class ScheduleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) wardId: string;
  @ApiProperty() wardName: string;
  @ApiProperty() hospitalName: string;
  @ApiProperty({ format: 'uuid' }) advocateId: string;
  @ApiProperty() advocateName: string;
  @ApiProperty({ enum: WEEKDAYS, enumName: 'Weekday' }) weekday: Weekday;
  @ApiProperty({ example: '10:00' }) startTime: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty() version: number;
}

export class ScheduleListDto {
  @ApiProperty({ type: [ScheduleDto] }) items: ScheduleDto[];
}

export class VisitsQuery {
  @ApiProperty({ format: 'date' })
  @Validate(CalendarDateRule)
  from: string;

  @ApiProperty({ format: 'date', description: 'Inclusive; at most 93 days after from' })
  @Validate(CalendarDateRule)
  to: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Managers: one advocate (advocates always see their own)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  wardId?: string;
}

export class CoverageQuery {
  @ApiProperty({ format: 'date' })
  @Validate(CalendarDateRule)
  from: string;

  @ApiProperty({ format: 'date', description: 'Inclusive; at most 93 days after from' })
  @Validate(CalendarDateRule)
  to: string;
}

export class VisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) scheduleId: string | null;
  @ApiProperty({ format: 'uuid' }) wardId: string;
  @ApiProperty() wardName: string;
  @ApiProperty() hospitalName: string;
  @ApiProperty({ format: 'uuid' }) advocateId: string;
  @ApiProperty() advocateName: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '10:00' }) startTime: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ format: 'date-time', description: 'The instant it starts (Europe/London wall time)' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: VISIT_STATUSES, enumName: 'VisitStatus' }) status: VisitStatus;
  @ApiProperty({ description: 'Moved from the date its schedule planned' }) moved: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedDate: string | null;
  @ApiProperty() patientsSeen: number;
  @ApiProperty() newReferrals: number;
  @ApiProperty() minutesSpent: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) loggedAt: string | null;
  @ApiProperty({ description: 'A planned visit whose time has passed without a log' }) missed: boolean;
  @ApiProperty() version: number;
}

export class VisitListDto {
  @ApiProperty({ type: [VisitDto] }) items: VisitDto[];
}

export class LogVisitInput {
  @ApiProperty({ enum: VISIT_LOG_STATUSES, enumName: 'VisitLogStatus' })
  @IsIn(VISIT_LOG_STATUSES, oneOf(VISIT_LOG_STATUSES))
  status: VisitLogStatus;

  @ApiProperty({ minimum: 0, maximum: 200, description: 'Patients spoken with' })
  @IsInt()
  @Min(0)
  @Max(200)
  patientsSeen: number;

  @ApiProperty({ minimum: 0, maximum: 200, description: 'New referrals picked up (at most patientsSeen)' })
  @IsInt()
  @Min(0)
  @Max(200)
  newReferrals: number;

  @ApiProperty({ minimum: 0, maximum: 1440, description: 'Time spent, in minutes' })
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesSpent: number;

  @ApiProperty({ required: false, maxLength: 5000, description: 'About the visit; no client details here' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(5000)
  note?: string;

  @ApiProperty({ required: false, maxLength: 1000, description: 'Required when CANCELLED' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class MoveVisitInput {
  @ApiProperty({ format: 'date' })
  @Validate(CalendarDateRule)
  date: string;

  @ApiProperty({ example: '14:00' })
  @Validate(WallTimeRule)
  startTime: string;

  @ApiProperty({ required: false, minimum: 5, maximum: 720 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes?: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class CancelVisitInput {
  @ApiProperty({ maxLength: 1000 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(1000)
  reason: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class WardCoverageDto {
  @ApiProperty({ format: 'uuid' }) wardId: string;
  @ApiProperty() wardName: string;
  @ApiProperty() hospitalName: string;
  @ApiProperty({ description: 'Visits scheduled in the range (any status)' }) scheduled: number;
  @ApiProperty() held: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ description: 'Planned, in the past, never logged' }) missed: number;
  @ApiProperty({ description: 'Still to come' }) upcoming: number;
  @ApiProperty() patientsSeen: number;
  @ApiProperty() newReferrals: number;
}

export class CoverageDto {
  @ApiProperty({ type: [WardCoverageDto] }) items: WardCoverageDto[];
}
