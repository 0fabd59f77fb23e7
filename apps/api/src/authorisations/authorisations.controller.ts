import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Idempotent } from '../idempotency/idempotency';
import { Allow, CaseContentRead } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { Ctx, type RequestContext } from '../common/request-context';
import { AuthorisationsService } from './authorisations.service';
import {
  AuthorisationDto,
  AuthorisationListDto,
  AuthorisationsQuery,
  CreateAuthorisationInput,
  WithdrawAuthorisationInput,
} from './dto/authorisation.dto';

@ApiTags('authorisations')
@Controller('authorisations')
export class AuthorisationsController {
  constructor(private readonly authorisations: AuthorisationsService) {}

  @Post()
  @Allow('authorisations.create')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a carer’s authorisation for a third party to contact the service for them',
  })
  @ApiCreatedResponse({ type: AuthorisationDto })
  @ApiNotFoundResponse({ description: 'No such carer, or not one of yours' })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateAuthorisationInput): Promise<AuthorisationDto> {
    return this.authorisations.create(ctx, input);
  }

  @Get()
  @Allow('authorisations.list')
  @CaseContentRead()
  @ApiOperation({ summary: 'A carer’s authorisations, most recent first, each with its state today' })
  @ApiOkResponse({ type: AuthorisationListDto })
  @ApiNotFoundResponse({ description: 'No such carer, or not one of yours' })
  list(@Ctx() ctx: RequestContext, @Query() query: AuthorisationsQuery): Promise<AuthorisationListDto> {
    return this.authorisations.list(ctx, query.carerClientId);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Allow('authorisations.withdraw')
  @ApiOperation({ summary: 'Record that the carer withdrew the authorisation (kept, no longer valid)' })
  @ApiOkResponse({ type: AuthorisationDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Stale version, or already withdrawn' })
  withdraw(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: WithdrawAuthorisationInput,
  ): Promise<AuthorisationDto> {
    return this.authorisations.withdraw(ctx, id, input);
  }
}
