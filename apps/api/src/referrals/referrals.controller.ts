import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import {
  AllocateInput,
  CloseInput,
  CreateReferralInput,
  FirstContactInput,
  ReferralCountsDto,
  ReferralDto,
  ReferralPageDto,
  ReferralsQuery,
  TriageInput,
} from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

const NOT_YOURS =
  'No such referral, or not one of yours (advocates see those allocated to them or created by them)';
const TRANSITION_CONFLICT = 'Stale version, or the referral’s status does not allow this';

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @Allow('referrals.create')
  @Idempotent()
  @ApiOperation({
    summary: 'Take a referral: eligibility and scope are decided from the facts and stored with it',
    description:
      'Give `client` for a new person or `clientId` for one on record. A carers referral from anyone but the carer needs a valid `authorisationId` (422 otherwise).',
  })
  @ApiCreatedResponse({ type: ReferralDto })
  @ApiBadRequestResponse({ description: 'Invalid fields or missing facts, each named' })
  @ApiUnprocessableEntityResponse({
    description: 'Third-party carers referral without a valid authorisation',
  })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateReferralInput): Promise<ReferralDto> {
    return this.referrals.create(ctx, input);
  }

  @Get()
  @Allow('referrals.list')
  @CaseContentRead()
  @ApiOperation({ summary: 'Referrals you may see, newest received first (or oldest with order=oldest)' })
  @ApiOkResponse({ type: ReferralPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ReferralsQuery): Promise<ReferralPageDto> {
    return this.referrals.list(ctx, query);
  }

  @Get('counts')
  @Allow('referrals.counts')
  @ApiOperation({ summary: 'How many referrals you may see are in each status' })
  @ApiOkResponse({ type: ReferralCountsDto })
  counts(@Ctx() ctx: RequestContext): Promise<ReferralCountsDto> {
    return this.referrals.counts(ctx);
  }

  @Get(':id')
  @Allow('referrals.read')
  @CaseContentRead()
  @ApiOperation({ summary: 'A referral with its facts, eligibility, scope, signposting and history' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<ReferralDto> {
    return this.referrals.get(ctx, id);
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Allow('referrals.triage')
  @ApiOperation({
    summary: 'Accept (→ AWAITING_ALLOCATION) or decline (→ DECLINED, with reason and signposting)',
    description: 'A referral that is not eligible or has no in-scope issue can only be declined (422).',
  })
  @ApiOkResponse({ type: ReferralDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  @ApiUnprocessableEntityResponse({ description: 'Not eligible, or no in-scope issue: decline instead' })
  triage(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: TriageInput,
  ): Promise<ReferralDto> {
    return this.referrals.triage(ctx, id, input);
  }

  @Post(':id/allocate')
  @HttpCode(200)
  @Allow('referrals.allocate')
  @ApiOperation({ summary: 'Allocate to an advocate, or re-allocate (managers)' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: `${TRANSITION_CONFLICT}, or already allocated to that advocate` })
  allocate(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: AllocateInput,
  ): Promise<ReferralDto> {
    return this.referrals.allocate(ctx, id, input);
  }

  @Post(':id/first-contact')
  @HttpCode(200)
  @Allow('referrals.firstContact')
  @ApiOperation({
    summary: 'Record the first contact with the person (ALLOCATED → ACTIVE): ends the waiting time',
  })
  @ApiOkResponse({ type: ReferralDto })
  @ApiForbiddenResponse({ description: 'Only a manager or the allocated advocate' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  recordFirstContact(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: FirstContactInput,
  ): Promise<ReferralDto> {
    return this.referrals.recordFirstContact(ctx, id, input);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow('referrals.close')
  @ApiOperation({ summary: 'Close with an outcome and a reason' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiForbiddenResponse({ description: 'Only a manager or the allocated advocate' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: TRANSITION_CONFLICT })
  close(@Ctx() ctx: RequestContext, @IdParam() id: string, @Body() input: CloseInput): Promise<ReferralDto> {
    return this.referrals.close(ctx, id, input);
  }
}
