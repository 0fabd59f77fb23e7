import { ApiProperty } from '@nestjs/swagger';
import { MEETING_KINDS, type MeetingKind } from '@beacon/domain';
import { PageQuery } from '../../common/pagination';
import { REMINDER_KINDS, type ReminderKind } from '../entities/reminder.entity';

export class ReminderQuery extends PageQuery {}

export class ReminderDto {
  @ApiProperty({ format: 'uuid' }) id: string;

  @ApiProperty({
    enum: REMINDER_KINDS,
    enumName: 'ReminderKind',
    description:
      'VISIT_TODAY: a ward visit planned for today, not logged yet. MEETING_TOMORROW: a meeting on the case tomorrow. NO_CONTACT_14_DAYS: an active case with no contact for 14 days or more.',
  })
  kind: ReminderKind;

  @ApiProperty({
    format: 'date',
    description:
      'The Europe/London day it is about: the visit’s, the meeting’s, or the 14th day without contact',
  })
  dueOn: string;

  @ApiProperty({ format: 'date-time' }) createdAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String }) referralId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'REF-2026-000123' }) referralReference: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The person the case is about' })
  clientName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String }) visitId: string | null;
  @ApiProperty({ nullable: true, type: String }) wardName: string | null;
  @ApiProperty({ nullable: true, type: String }) hospitalName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String }) meetingId: string | null;
  @ApiProperty({ enum: MEETING_KINDS, enumName: 'MeetingKind', nullable: true })
  meetingKind: MeetingKind | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the visit or meeting starts',
  })
  startsAt: string | null;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'NO_CONTACT_14_DAYS: the day of the last contact',
  })
  lastContactOn: string | null;
}

export class ReminderListDto {
  @ApiProperty({ type: [ReminderDto] }) items: ReminderDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReminderCountDto {
  @ApiProperty({ description: 'Reminders not dismissed' }) open: number;
}
