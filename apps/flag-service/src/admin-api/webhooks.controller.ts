import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateWebhook,
  DeleteWebhook,
  GetWebhook,
  ListDeliveries,
  ListWebhooks,
  RotateWebhookSecret,
  SendTestEvent,
  UpdateWebhook,
} from '@switchyard/alerts';
import type { Actor } from '@switchyard/kernel';
import { CurrentActor, RequireRole } from '../http/auth.decorators.js';
import {
  CreateWebhookDto,
  DeliveryQueryDto,
  IssuedWebhookDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookListDto,
} from './webhook.dto.js';

/** A project's webhooks (alerts of kills, restores, breaker trips and recoveries) and their deliveries: admins only. */
@ApiTags('alerts')
@RequireRole('admin')
@Controller('api/projects/:project/webhooks')
export class WebhooksController {
  constructor(
    private readonly createWebhook: CreateWebhook,
    private readonly listWebhooks: ListWebhooks,
    private readonly getWebhook: GetWebhook,
    private readonly updateWebhook: UpdateWebhook,
    private readonly deleteWebhook: DeleteWebhook,
    private readonly rotateSecret: RotateWebhookSecret,
    private readonly sendTest: SendTestEvent,
    private readonly listDeliveries: ListDeliveries,
  ) {}

  @Post()
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: IssuedWebhookDto, description: 'The webhook; its signing secret is shown this once' })
  @ApiNotFoundResponse({ description: 'No such project' })
  create(
    @Param('project') project: string,
    @Body() body: CreateWebhookDto,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedWebhookDto> {
    return this.createWebhook.execute(project, body, actor);
  }

  @Get()
  @ApiOkResponse({ type: WebhookListDto })
  @ApiNotFoundResponse({ description: 'No such project' })
  async list(@Param('project') project: string): Promise<WebhookListDto> {
    return { items: await this.listWebhooks.execute(project) };
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No such project or webhook' })
  get(@Param('project') project: string, @Param('id') id: string): Promise<WebhookDto> {
    return this.getWebhook.execute(project, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No such project or webhook' })
  update(
    @Param('project') project: string,
    @Param('id') id: string,
    @Body() body: UpdateWebhookDto,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDto> {
    return this.updateWebhook.execute(project, id, body, actor);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookDto, description: 'Deleted with its deliveries; queued ones are never sent' })
  @ApiNotFoundResponse({ description: 'No such project or webhook' })
  delete(
    @Param('project') project: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDto> {
    return this.deleteWebhook.execute(project, id, actor);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    type: IssuedWebhookDto,
    description: 'The new secret, shown this once; the old one signs nothing more',
  })
  @ApiNotFoundResponse({ description: 'No such project or webhook' })
  rotate(
    @Param('project') project: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<IssuedWebhookDto> {
    return this.rotateSecret.execute(project, id, actor);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: WebhookDeliveryDto,
    description: 'A test event, queued; the deliveries list shows its outcome',
  })
  @ApiNotFoundResponse({ description: 'No such project or webhook' })
  test(
    @Param('project') project: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<WebhookDeliveryDto> {
    return this.sendTest.execute(project, id, actor);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiNotFoundResponse({ description: 'No such project or webhook' })
  deliveries(
    @Param('project') project: string,
    @Param('id') id: string,
    @Query() query: DeliveryQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.listDeliveries.execute(project, id, {
      status: query.status,
      before: query.before,
      limit: query.limit ?? 50,
    });
  }
}
