import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
  MEETING_KINDS,
  NOTE_KINDS,
  RECORDS_ACCESS_BASES,
  type MeetingKind,
  type NoteKind,
  type RecordsAccessBasis,
} from '@beacon/domain';
import { CalendarDateRule, PastDateRule, trimmed } from '../../common/validators';
import { PersonRefDto } from '../../referrals/dto/referral.dto';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
export const NOTE_MAX_LENGTH = 20_000;

export class CreateMeetingInput {
  @ApiProperty({ enum: MEETING_KINDS, enumName: 'MeetingKind' })
  @IsIn(MEETING_KINDS, oneOf(MEETING_KINDS))
  kind: MeetingKind;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'must be a date-time (ISO 8601)' })
  startsAt: string;

  @ApiProperty({ required: false, minimum: 1, maximum: 1440 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;

  @ApiProperty({ maxLength: 200, example: 'Ward 3 meeting room, Bradgate Unit' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  location: string;

  @ApiProperty({ description: 'Met the person in private (the IMHA’s right)' })
  @IsBoolean()
  inPrivate: boolean;

  @ApiProperty({ type: [String], example: ['Client', 'Responsible clinician'] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'must each be a name or role' })
  @MaxLength(200, { each: true })
  attendees: string[];

  @ApiProperty({ required: false, maxLength: 5000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(5000)
  outcome?: string;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ enum: MEETING_KINDS, enumName: 'MeetingKind' }) kind: MeetingKind;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
  @ApiProperty() location: string;
  @ApiProperty() inPrivate: boolean;
  @ApiProperty({ type: [String] }) attendees: string[];
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MeetingListDto {
  @ApiProperty({ type: [MeetingDto] }) items: MeetingDto[];
}

export class CreateNoteInput {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+$/, '') : value))
  @MinLength(1, { message: 'is required' })
  @MaxLength(NOTE_MAX_LENGTH, {
    message: `must be at most ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters`,
  })
  body: string;

  @ApiProperty({ enum: NOTE_KINDS, enumName: 'NoteKind' })
  @IsIn(NOTE_KINDS, oneOf(NOTE_KINDS))
  kind: NoteKind;

  @ApiProperty({ required: false, minimum: 0, maximum: 1440, description: 'Time spent on this activity' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesSpent?: number;
}

export class AmendNoteInput {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+$/, '') : value))
  @MinLength(1, { message: 'is required' })
  @MaxLength(NOTE_MAX_LENGTH, {
    message: `must be at most ${NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters`,
  })
  body: string;

  @ApiProperty({ maxLength: 1000, description: 'Why the note is corrected' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(1000)
  reason: string;

  @ApiProperty({ minimum: 1, description: 'The version you are amending (the latest)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class NoteVersionDto {
  @ApiProperty() version: number;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ enum: NOTE_KINDS, enumName: 'NoteKind' }) kind: NoteKind;
  @ApiProperty({ type: Number, nullable: true }) minutesSpent: number | null;
  @ApiProperty({ description: 'The latest version’s text' }) body: string;
  @ApiProperty({ description: 'The latest version number; send it to amend' }) version: number;
  @ApiProperty({ type: PersonRefDto }) createdBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [NoteVersionDto], description: 'Every version, oldest first' })
  versions: NoteVersionDto[];
}

export class NoteListDto {
  @ApiProperty({ type: [NoteDto] }) items: NoteDto[];
}

export class CreateRecordsAccessInput {
  @ApiProperty({ maxLength: 2000, example: 'Medication chart and last two ward-round notes' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(2000)
  recordsDescription: string;

  @ApiProperty({ enum: RECORDS_ACCESS_BASES, enumName: 'RecordsAccessBasis' })
  @IsIn(RECORDS_ACCESS_BASES, oneOf(RECORDS_ACCESS_BASES))
  basis: RecordsAccessBasis;

  @ApiProperty({ maxLength: 200, example: 'Leicestershire Partnership NHS Trust' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  heldBy: string;

  @ApiProperty({ format: 'date', description: 'Not in the future' })
  @Validate(PastDateRule)
  accessedOn: string;
}

export class RecordsAccessDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty() recordsDescription: string;
  @ApiProperty({ enum: RECORDS_ACCESS_BASES, enumName: 'RecordsAccessBasis' }) basis: RecordsAccessBasis;
  @ApiProperty() heldBy: string;
  @ApiProperty({ format: 'date' }) accessedOn: string;
  @ApiProperty({ type: PersonRefDto }) recordedBy: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RecordsAccessListDto {
  @ApiProperty({ type: [RecordsAccessDto] }) items: RecordsAccessDto[];
}

export const TIMELINE_ITEM_TYPES = ['STATUS', 'NOTE', 'MEETING', 'RECORDS_ACCESS', 'VISIT'] as const;

export class TimelineItemDto {
  @ApiProperty({ enum: TIMELINE_ITEM_TYPES }) type: (typeof TIMELINE_ITEM_TYPES)[number];
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'When it happened (a meeting: when it starts)' })
  at: string;
  @ApiProperty({ type: PersonRefDto }) by: PersonRefDto;
  @ApiProperty({ description: 'One line for the timeline' }) title: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Text: a note’s latest version, an outcome, a reason',
  })
  text: string | null;
}

export class TimelineDto {
  @ApiProperty({ type: [TimelineItemDto], description: 'Oldest first' }) items: TimelineItemDto[];
}

export class WeeklyTimeQuery {
  @ApiProperty({ format: 'date' })
  @Validate(CalendarDateRule)
  from: string;

  @ApiProperty({ format: 'date', description: 'Inclusive; at most 366 days after from' })
  @Validate(CalendarDateRule)
  to: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description: 'Managers: one advocate (advocates: themselves)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId?: string;
}

export class WeeklyTimeDto {
  @ApiProperty({ format: 'uuid' }) advocateId: string;
  @ApiProperty() advocateName: string;
  @ApiProperty({ format: 'date', description: 'Monday of the week' }) weekStarting: string;
  @ApiProperty({ description: 'Minutes recorded on case notes' }) caseworkMinutes: number;
  @ApiProperty({ description: 'Minutes recorded on ward visits' }) visitMinutes: number;
  @ApiProperty() totalMinutes: number;
}

export class WeeklyTimeListDto {
  @ApiProperty({ type: [WeeklyTimeDto] }) items: WeeklyTimeDto[];
}
