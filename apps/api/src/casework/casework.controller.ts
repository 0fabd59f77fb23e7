import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotency';
import { Allow, CaseContentRead } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import { CaseworkService } from './casework.service';
import {
  AmendNoteInput,
  CreateMeetingInput,
  CreateNoteInput,
  CreateRecordsAccessInput,
  MeetingDto,
  MeetingListDto,
  NoteDto,
  NoteListDto,
  RecordsAccessDto,
  RecordsAccessListDto,
  TimelineDto,
  WeeklyTimeListDto,
  WeeklyTimeQuery,
} from './dto/casework.dto';

const NOT_YOURS = 'No such referral, or not one of yours';

@ApiTags('casework')
@Controller()
export class CaseworkController {
  constructor(private readonly casework: CaseworkService) {}

  @Post('referrals/:id/meetings')
  @Allow('meetings.create')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a meeting on a case',
    description:
      'A meeting with the client that has happened is the first contact of an allocated case (→ ACTIVE).',
  })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'The case is not allocated or active' })
  createMeeting(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: CreateMeetingInput,
  ): Promise<MeetingDto> {
    return this.casework.createMeeting(ctx, id, input);
  }

  @Get('referrals/:id/meetings')
  @Allow('meetings.list')
  @CaseContentRead()
  @ApiOperation({ summary: 'A case’s meetings, by start time' })
  @ApiOkResponse({ type: MeetingListDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  listMeetings(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<MeetingListDto> {
    return this.casework.listMeetings(ctx, id);
  }

  @Post('referrals/:id/notes')
  @Allow('notes.create')
  @Idempotent()
  @ApiOperation({
    summary: 'Write a case note (at most 20,000 characters)',
    description: 'A contact, visit or meeting note is the first contact of an allocated case (→ ACTIVE).',
  })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  createNote(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: CreateNoteInput,
  ): Promise<NoteDto> {
    return this.casework.createNote(ctx, id, input);
  }

  @Get('referrals/:id/notes')
  @Allow('notes.list')
  @CaseContentRead()
  @ApiOperation({ summary: 'A case’s notes, oldest first, each with every version' })
  @ApiOkResponse({ type: NoteListDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  listNotes(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<NoteListDto> {
    return this.casework.listNotes(ctx, id);
  }

  @Post('notes/:id/amend')
  @HttpCode(200)
  @Allow('notes.amend')
  @ApiOperation({ summary: 'Correct a note: adds a version with a reason; earlier versions stay readable' })
  @ApiOkResponse({ type: NoteDto })
  @ApiForbiddenResponse({ description: 'Only the author or a manager' })
  @ApiNotFoundResponse({ description: 'No such note, or not on one of your cases' })
  @ApiConflictResponse({ description: 'Stale version' })
  amendNote(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: AmendNoteInput,
  ): Promise<NoteDto> {
    return this.casework.amendNote(ctx, id, input);
  }

  @Post('referrals/:id/record-access')
  @Allow('recordsAccess.create')
  @Idempotent()
  @ApiOperation({ summary: 'Log an access to the person’s records (IMHA referrals only)' })
  @ApiCreatedResponse({ type: RecordsAccessDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiUnprocessableEntityResponse({ description: 'Not an IMHA referral' })
  createRecordsAccess(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: CreateRecordsAccessInput,
  ): Promise<RecordsAccessDto> {
    return this.casework.createRecordsAccess(ctx, id, input);
  }

  @Get('referrals/:id/record-access')
  @Allow('recordsAccess.list')
  @CaseContentRead()
  @ApiOperation({ summary: 'The records accesses logged on a case' })
  @ApiOkResponse({ type: RecordsAccessListDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  listRecordsAccess(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<RecordsAccessListDto> {
    return this.casework.listRecordsAccess(ctx, id);
  }

  @Get('referrals/:id/timeline')
  @Allow('timeline.read')
  @CaseContentRead()
  @ApiOperation({ summary: 'The case as one chronological file: history, notes, meetings, records access' })
  @ApiOkResponse({ type: TimelineDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  timeline(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<TimelineDto> {
    return this.casework.timeline(ctx, id);
  }

  @Get('time/weekly')
  @Allow('time.read')
  @ApiOperation({ summary: 'Minutes recorded per advocate per week (advocates: their own)' })
  @ApiOkResponse({ type: WeeklyTimeListDto })
  weeklyTime(@Ctx() ctx: RequestContext, @Query() query: WeeklyTimeQuery): Promise<WeeklyTimeListDto> {
    return this.casework.weeklyTime(ctx, query);
  }
}
