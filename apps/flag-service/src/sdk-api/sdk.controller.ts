import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotModifiedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SdkKeyPrincipal } from '@switchyard/access';
import { RecordGuardOutcomes, RecordTrips, type Trip } from '@switchyard/breaker';
import { RecordDarkLaunches } from '@switchyard/darklaunch';
import { RecordRecentContexts, RecordSdkReport, SnapshotCache, StreamHub, DeliveryErrors } from '@switchyard/delivery';
import { CurrentSdkKey, RequireSdkKey } from '../http/auth.decorators.js';
import { SdkEventsDto, type TripDto } from './sdk-events.dto.js';
import { openSseStream } from './sse-response.js';

/** The SDK API (docs/protocol.md): snapshot with ETag, SSE stream, batched events. SDK keys only. */
@ApiTags('sdk')
@RequireSdkKey()
@Controller('sdk/v1')
export class SdkController {
  constructor(
    private readonly snapshots: SnapshotCache,
    private readonly hub: StreamHub,
    private readonly recordReport: RecordSdkReport,
    private readonly recordContexts: RecordRecentContexts,
    private readonly recordTrips: RecordTrips,
    private readonly recordGuards: RecordGuardOutcomes,
    private readonly recordDarkLaunches: RecordDarkLaunches,
  ) {}

  @Get('snapshot')
  @ApiOkResponse({ description: 'The environment: { version, flags, segments }; ETag is "<version>"' })
  @ApiNotModifiedResponse({ description: 'If-None-Match matches the current version' })
  async snapshot(
    @CurrentSdkKey() key: SdkKeyPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const snapshot = await this.snapshots.get(key.environmentId);
    if (!snapshot) throw DeliveryErrors.keyEnvironmentGone();
    void reply.header('etag', snapshot.etag).header('cache-control', 'no-cache');
    if (matches(request.headers['if-none-match'], snapshot.etag)) return void reply.status(304).send();
    void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(snapshot.body);
  }

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'Server-Sent Events: snapshot, then patch events; Last-Event-ID resumes' })
  async stream(
    @CurrentSdkKey() key: SdkKeyPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const query = request.query as Record<string, unknown> | undefined;
    const lastEventId = parseVersion(request.headers['last-event-id'] ?? query?.['lastEventId']);
    await openSseStream(this.hub, key.environmentId, bearer(request.headers.authorization), reply, lastEventId);
  }

  @Post('events')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Recorded' })
  async events(@CurrentSdkKey() key: SdkKeyPrincipal, @Body() body: SdkEventsDto): Promise<void> {
    // Reached only once the whole batch is valid: a refused batch counts nothing and writes nothing.
    // Trips first: the fleet-wide kill is what every other instance is waiting for.
    if (body.trips?.length) await this.recordTrips.execute(key.environmentId, body.instance, body.trips.map(toTrip));
    await this.recordReport.execute(key.environmentId, {
      instance: body.instance,
      evaluations: body.evaluations ?? [],
      acks: (body.acks ?? []).map((ack) => ({ version: ack.version, receivedAt: new Date(ack.receivedAt) })),
      dropped: body.dropped ?? 0,
      sdkKeyId: key.id,
    });
    if (body.guards?.length)
      await this.recordGuards.execute(
        key.environmentId,
        body.guards.map((guard) => ({ ...guard, windowStart: new Date(guard.windowStart) })),
      );
    if (body.darkLaunches?.length)
      await this.recordDarkLaunches.execute(
        key.environmentId,
        body.darkLaunches.map((report) => ({ ...report, windowStart: new Date(report.windowStart) })),
      );
    if (body.contexts) this.recordContexts.execute(key.environmentId, body.contexts);
  }
}

function toTrip(trip: TripDto): Trip {
  return { ...trip, at: new Date(trip.at) };
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

function parseVersion(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

function bearer(header: string | undefined): string {
  return header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? '';
}
