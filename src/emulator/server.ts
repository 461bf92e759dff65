// The HTTP face of the emulator: one REST-JSON request in, one Connect answer out (or, for an injected
// drop, none). Order of checks follows AWS's front end: authentication, routing, throttling, then the
// service's own validation and logic.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock.js';
import { ConnectError } from './errors.js';
import type { Faults } from './faults.js';
import { execute, isMutating } from './handlers/index.js';
import type { Quotas } from './quotas.js';
import { buildInput, matchRoute, parseBody } from './routes.js';
import type { Store } from './store.js';
import type { RequestLogEntry } from './types.js';

export interface ServerDeps {
  store: Store;
  clock: Clock;
  quotas: Quotas;
  faults: Faults;
  log: RequestLogEntry[];
  /** Called after every committed write (state file). */
  persist(): void;
}

/** The request log's name for a request that matches no operation. */
export const UNKNOWN_OPERATION = 'UnknownOperation';
/** The request log's errorType for a write that was committed and then not answered. */
export const CONNECTION_DROPPED = 'ConnectionDropped';
/** The request log's errorType for a request left without an answer (unansweredOperations). */
export const NOT_ANSWERED = 'NotAnswered';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Any SigV4-signed request is accepted; only the presence and scheme of the signature are checked. */
function checkAuthorization(header: string | undefined): void {
  if (header === undefined || header === '') {
    throw new ConnectError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  if (!header.startsWith('AWS4-HMAC-SHA256 ')) {
    throw new ConnectError('IncompleteSignatureException', 'Authorization header requires AWS4-HMAC-SHA256 signing.');
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'x-amzn-RequestId': randomUUID(),
    ...(body === '' ? {} : { 'content-type': 'application/json' }),
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** A bug in the emulator still answers like Connect (a retryable 500), and leaves its trace on stderr. */
function unexpected(e: unknown): ConnectError {
  process.stderr.write(`emulator: ${(e as Error).stack ?? String(e)}\n`);
  return new ConnectError('InternalServiceException', `Emulator error: ${(e as Error).message}`);
}

export function requestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((e: unknown) => {
      process.stderr.write(`emulator: ${(e as Error).stack ?? String(e)}\n`);
      if (!res.headersSent) send(res, 500, JSON.stringify({ Message: 'Internal error' }));
    });
  };
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = matchRoute(method, url.pathname);
  let body: Record<string, unknown> = {};
  let bodyError: ConnectError | undefined;
  try {
    body = parseBody(raw);
  } catch (e) {
    bodyError = e as ConnectError;
  }
  const entry: RequestLogEntry = {
    operation: route?.operation ?? UNKNOWN_OPERATION,
    input: route ? buildInput(route.operation, route.labels, url.searchParams, body) : {},
    status: 0,
    at: Date.now(),
  };
  deps.log.push(entry);

  try {
    checkAuthorization(req.headers.authorization);
    if (!route) throw new ConnectError('UnknownOperationException', `No operation matches ${method} ${url.pathname}.`);
    if (bodyError) throw bodyError;
    if (deps.faults.leavesUnanswered(route.operation)) {
      // No answer and no close: the client waits until its own request timeout gives up.
      entry.errorType = NOT_ANSWERED;
      return;
    }
    if (deps.faults.denies(route.operation)) {
      throw new ConnectError(
        'AccessDeniedException',
        `User: arn:aws:sts::${deps.store.accountId}:assumed-role/emulator is not authorized to perform: connect:${route.operation} on resource: ${deps.store.instanceArn}`,
      );
    }
    if (!deps.quotas.admit(route.operation)) throw new ConnectError('ThrottlingException', 'Rate exceeded');
    const fault = deps.faults.before();
    if (fault === 'throttle') throw new ConnectError('ThrottlingException', 'Rate exceeded');
    if (fault === 'internal-error') {
      throw new ConnectError('InternalServiceException', 'Request processing failed because of an unknown error.');
    }
    const out = execute(
      { store: deps.store, now: () => deps.clock.now(), searchLagMs: deps.faults.searchLagMs },
      route.operation,
      entry.input,
    );
    const repeated = entry.input.NextToken;
    if (out && typeof repeated === 'string' && deps.faults.repeatsPageToken(route.operation)) {
      // The page is the real one; only its NextToken is the token the client just sent, so it loops.
      out.NextToken = repeated;
    }
    if (isMutating(route.operation)) {
      deps.persist();
      if (deps.faults.dropAfterCommit(route.operation)) {
        // The write stands; the client gets no answer and sees ECONNRESET / socket hang up.
        entry.errorType = CONNECTION_DROPPED;
        req.socket.destroy();
        return;
      }
    }
    entry.status = 200;
    send(res, 200, out === undefined ? '' : JSON.stringify(out));
  } catch (e) {
    const err = e instanceof ConnectError ? e : unexpected(e);
    entry.status = err.status;
    entry.errorType = err.errorType;
    const errorBody = JSON.stringify({ Message: err.message, ...err.extra });
    send(res, err.status, errorBody, { 'x-amzn-ErrorType': err.errorType });
  }
}
