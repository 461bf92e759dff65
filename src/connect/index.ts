// The SDK adapter: the only module that imports @aws-sdk/client-connect.
export { createConnectClient, transportFor, type ConnectClientOptions } from './client.js';
export { systemClock, type Clock } from './clock.js';
export { NotSentError, OutcomeUnknownError, isOutcomeUnknown } from './errors.js';
export { accountFromInstanceArn, instanceIdFrom, regionFromInstanceArn } from './instance-id.js';
export { NON_IDEMPOTENT_OPERATIONS, READ_OPERATIONS, WRITE_OPERATIONS, type ConnectOperation, type ReadOperation } from './operations.js';
export { defaultQuotaFor, type RateQuota } from './quotas.js';
export type * from './read-types.js';
export { assertReadCommand, createLiveReader } from './reader.js';
export { MAX_ATTEMPTS, RETRY_BUDGET_MS } from './retry.js';
export { RequestStats, type RequestStatsSnapshot } from './stats.js';
export { QuotaBuckets } from './quota-buckets.js';
export { TokenBucket } from './token-bucket.js';
export { DEFAULT_CONCURRENCY, PacedTransport, type CallContext, type CommandSender, type TransportOptions } from './transport.js';
export { createConnectWriter, type ConnectWriter, type WriteResult } from './writer.js';
