import { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/config';

const ORDER = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof ORDER;

/**
 * One JSON object per line on stdout. Callers log identifiers and outcomes only: never
 * request bodies, query strings, tokens, passwords or case content.
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: AppConfig['logLevel'] = 'info') {}

  private write(level: Level, message: unknown, context?: string, extra?: Record<string, unknown>) {
    if (ORDER[level] < ORDER[this.level]) return;
    const base: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) base.context = context;
    const body =
      typeof message === 'object' && message !== null
        ? (message as Record<string, unknown>)
        : { msg: String(message) };
    process.stdout.write(JSON.stringify({ ...base, ...body, ...extra }) + '\n');
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    // Nest passes (message, stack, context) or (message, context).
    if (context)
      this.write('error', message, context, stackOrContext ? { stack: stackOrContext } : undefined);
    else this.write('error', message, stackOrContext);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
}
