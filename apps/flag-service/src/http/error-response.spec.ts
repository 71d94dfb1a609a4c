import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DOMAIN_ERROR_CODES, DomainError } from '@switchyard/kernel';
import { statusOf, toErrorResponse } from './error-response.js';

describe('toErrorResponse', () => {
  it('maps every domain error code to a 4xx or 503 status', () => {
    const statuses = DOMAIN_ERROR_CODES.map(statusOf);
    expect(statuses).toEqual([400, 404, 409, 409, 409, 401, 403, 429, 503]);
  });

  it('carries code, message, fields and extra properties in the body', () => {
    const response = toErrorResponse(DomainError.versionConflict('stale', 7), 'req-1');
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: { code: 'VERSION_CONFLICT', message: 'stale', fields: [], currentVersion: 7, requestId: 'req-1' },
    });
  });

  it('sets Retry-After on RATE_LIMITED', () => {
    const error = new DomainError('RATE_LIMITED', 'slow down', { extra: { retryAfterSeconds: 12 } });
    expect(toErrorResponse(error).headers['retry-after']).toBe('12');
  });

  it('answers 503 "database unavailable" when Postgres cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('query failed'), { driverError: refused });
    for (const error of [refused, wrapped, new Error('Connection terminated unexpectedly')]) {
      const response = toErrorResponse(error);
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({ code: 'UNAVAILABLE', message: 'database unavailable' });
    }
  });

  it('classifies a request aborted mid-body as aborted, not as the database being unavailable', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET', statusCode: 400 });
    const response = toErrorResponse(aborted);
    expect(response).toMatchObject({ status: 400, aborted: true, unexpected: false });
    expect(response.body.error.code).toBe('REQUEST_ABORTED');
    const postgresReset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toErrorResponse(postgresReset).status).toBe(503);
  });

  it('maps transport errors by status', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x')).body.error.code).toBe('NOT_FOUND');
    expect(toErrorResponse(new BadRequestException('bad')).status).toBe(400);
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toErrorResponse(tooLarge).body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(toErrorResponse(Object.assign(new Error('URI Too Long'), { statusCode: 414 })).body.error.code).toBe(
      'URI_TOO_LONG',
    );
    expect(toErrorResponse(Object.assign(new Error('x'), { statusCode: 431 })).body.error).toMatchObject({
      code: 'HEADERS_TOO_LARGE',
      message: 'request headers too large',
    });
  });

  it('answers anything else with 500, the request id, and no internals', () => {
    const response = toErrorResponse(new TypeError('secret internals at line 3'), 'req-9');
    expect(response.status).toBe(500);
    expect(response.unexpected).toBe(true);
    expect(response.body.error.code).toBe('INTERNAL');
    expect(response.body.error.requestId).toBe('req-9');
    expect(JSON.stringify(response.body)).not.toContain('secret internals');
  });
});
