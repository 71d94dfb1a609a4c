import { JsonLogger } from './json-logger.js';
import { requestContext } from './request-context.js';

describe('JsonLogger', () => {
  it('writes one JSON object per line with the request id of the request in progress', async () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (line) => lines.push(line));
    await requestContext.run({ requestId: 'req-42' }, async () => {
      await Promise.resolve();
      logger.log('inside', 'SomeService');
    });
    logger.warn('outside');
    const [inside, outside] = lines.map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ level: 'info', msg: 'inside', context: 'SomeService', requestId: 'req-42' });
    expect(outside.requestId).toBeUndefined();
    expect(outside.level).toBe('warn');
  });

  it('drops lines below its level', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('warn', (line) => lines.push(line));
    logger.log('chatty');
    logger.debug('chattier');
    logger.error('broken', 'stack trace', 'Ctx');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      msg: 'broken',
      stack: 'stack trace',
      context: 'Ctx',
    });
  });
});
