import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { ClientDto, ClientInput, ClientPageDto, ClientsQuery, CreatedClientDto } from './dto/client.dto';

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
}
