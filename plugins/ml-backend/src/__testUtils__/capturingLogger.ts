import {
  RootLoggerService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { inspect } from 'node:util';

/**
 * A root logger that keeps every line (message, meta and child labels,
 * formatted as a log transport would: errors with their stack) so that a
 * test can search what the backend logged. Every plugin logger is a child
 * of it.
 */
export class CapturingLogger implements RootLoggerService {
  constructor(
    readonly lines: string[] = [],
    private readonly labels: Record<string, unknown> = {},
  ) {}

  error(message: string, meta?: Error | object) {
    this.keep('error', message, meta);
  }
  warn(message: string, meta?: Error | object) {
    this.keep('warn', message, meta);
  }
  info(message: string, meta?: Error | object) {
    this.keep('info', message, meta);
  }
  debug(message: string, meta?: Error | object) {
    this.keep('debug', message, meta);
  }

  child(meta: object): CapturingLogger {
    return new CapturingLogger(this.lines, { ...this.labels, ...meta });
  }

  /** Everything logged so far, one string. */
  text(): string {
    return this.lines.join('\n');
  }

  private keep(level: string, message: string, meta?: Error | object) {
    const extra = meta === undefined ? '' : ` ${inspect(meta, { depth: 10 })}`;
    this.lines.push(
      `${level} ${JSON.stringify(this.labels)} ${message}${extra}`,
    );
  }
}

/** The factory that makes `logger` the backend's root logger. */
export function capturingLoggerFactory(logger: CapturingLogger) {
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger,
  });
}
