import type { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context.js';

type Level = 'error' | 'warn' | 'info' | 'debug';

// Nest's start-up chatter (one line per module and route) is detail, not news.
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);
const RANK: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Where log lines go; tests pass an array-backed sink. */
export type LogSink = (line: string) => void;

/** One JSON object per line, with the current request id on every line logged during a request. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: Level = 'info',
    private readonly sink: LogSink = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    this.write(typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  /** Writes a structured line: `fields` are merged into the JSON object. */
  event(level: Level, message: string, fields: Record<string, unknown>): void {
    if (RANK[level] > RANK[this.level]) return;
    const requestId = currentRequestId();
    this.sink(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        msg: message,
        ...(requestId ? { requestId } : {}),
        ...fields,
      }),
    );
  }

  // Nest calls log(message, context) and error(message, stack, context).
  private write(level: Level, message: unknown, rest: unknown[]): void {
    const strings = rest.filter((item): item is string => typeof item === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const stack = level === 'error' && strings.length > 1 ? strings[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) {
      fields.stack = message.stack;
      this.event(level, message.message, fields);
      return;
    }
    this.event(level, typeof message === 'string' ? message : JSON.stringify(message), fields);
  }
}
