import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID, Validate } from 'class-validator';
import { CalendarDateRule } from '../../common/validators';

export class CalendarQuery {
  @ApiProperty({ format: 'date' })
  @Validate(CalendarDateRule)
  from: string;

  @ApiProperty({ format: 'date', description: 'Inclusive; at most 93 days after from' })
  @Validate(CalendarDateRule)
  to: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'Managers: one advocate; none: everyone' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  advocateId?: string;
}

export class CalendarItemDto {
  @ApiProperty({ enum: ['VISIT', 'MEETING'] }) type: 'VISIT' | 'MEETING';
  @ApiProperty({ format: 'uuid', description: 'The visit’s or the meeting’s id' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) advocateId: string | null;
  @ApiProperty({ type: String, nullable: true }) advocateName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Visits: PLANNED, HELD or CANCELLED' })
  status: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Meetings: the case' })
  referralId: string | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Meetings: the kind (MeetingKind)' })
  meetingKind: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Visits: the ward' }) wardName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Visits: the hospital' }) hospitalName:
    string | null;
}

export class CalendarDto {
  @ApiProperty({ type: [CalendarItemDto] }) items: CalendarItemDto[];
}

export class CalendarFeedDto {
  @ApiProperty() active: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Only when just created: the secret URL, shown once',
  })
  url: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt: string | null;
}
