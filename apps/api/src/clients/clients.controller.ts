import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { ClientsService } from './clients.service';
import {
  ClientDto,
  ClientInput,
  ClientPageDto,
  ClientsQuery,
  CreatedClientDto,
  UpdateClientInput,
} from './dto/client.dto';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Allow('clients.create')
  @Idempotent()
  @ApiOperation({ summary: 'Record a person; answers possible duplicates (same name and date of birth)' })
  @ApiCreatedResponse({ type: CreatedClientDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, each named' })
  create(@Ctx() ctx: RequestContext, @Body() input: ClientInput): Promise<CreatedClientDto> {
    return this.clients.create(ctx, input);
  }

  @Get()
  @Allow('clients.list')
  @CaseContentRead()
  @ApiOperation({ summary: 'Search the clients you may see by name, referral reference or NHS number' })
  @ApiOkResponse({ type: ClientPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ClientsQuery): Promise<ClientPageDto> {
    return this.clients.list(ctx, query);
  }

  @Get(':id')
  @Allow('clients.read')
  @CaseContentRead()
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse({ description: 'No such client, or not one of yours' })
  get(@Ctx() ctx: RequestContext, @IdParam() id: string): Promise<ClientDto> {
    return this.clients.get(ctx, id);
  }

  @Patch(':id')
  @Allow('clients.update')
  @ApiOperation({
    summary: 'Change a client’s equality-monitoring answers (age band, gender, ethnic group, disability)',
    description:
      'A field left out is unchanged; null clears it. Audited with the names of the fields changed.',
  })
  @ApiOkResponse({ type: ClientDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, each named' })
  @ApiNotFoundResponse({ description: 'No such client, or not one of yours' })
  @ApiConflictResponse({ description: 'Stale version' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() input: UpdateClientInput,
  ): Promise<ClientDto> {
    return this.clients.update(ctx, id, input);
  }
}
