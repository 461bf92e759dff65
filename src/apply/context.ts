// What every step of apply needs, and what it learns about one profile as its calls go out.
import type { Clock } from '../connect/clock.js';
import type { LiveReader } from '../connect/read-types.js';
import type { UnreachableError } from '../connect/errors.js';
import type { ConnectWriter } from '../connect/writer.js';

/** pino-compatible; apply logs progress, never inputs. */
export interface ApplyLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface ApplyContext {
  writer: ConnectWriter;
  reader: LiveReader;
  instanceId: string;
  clock: Clock;
  consistencyTimeoutMs: number;
  signal?: AbortSignal;
  logger?: ApplyLogger;
  /** Set by the first call that finds Connect unreachable: every later call is skipped, not sent. */
  unreachable?: UnreachableError;
}

export interface ProfileState {
  name: string;
  routingProfileId?: string;
  routingProfileArn?: string;
  /** Created or adopted by this run: Connect may not show it to every API yet (eventual consistency). */
  fresh: boolean;
  /** Found already existing when we created it: its queues may already hold some of our pairs. */
  adopted: boolean;
}
