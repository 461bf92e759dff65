// The pure core: desired + live -> plan. No I/O.
export { computePlan, liveSnapshotForPlan, type PlanOptions } from './planner.js';
export {
  changedProfiles,
  fingerprintOf,
  liveFingerprint,
  type LiveSnapshot,
  type ProfileSnapshot,
  type PrunableSnapshot,
  type PruneSnapshotScope,
  queueInventoryChanged,
  summariseLiveForPlan,
} from './fingerprint.js';
export { hasChanges } from './has-changes.js';
export { describeLiveChanges } from './live-changes.js';
export { managedScope, type ManagedScope } from './managed.js';
export { resolveQueueReferences } from './resolve-queues.js';
export * from './normalise.js';
export * from './types.js';
