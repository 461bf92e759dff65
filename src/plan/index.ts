// The pure core: desired + live -> plan. No I/O.
export { computePlan } from './planner.js';
export { changedProfiles, liveFingerprint, managedScope, type LiveSnapshot, type ManagedScope, type ProfileSnapshot, queueInventoryChanged, summariseLiveForPlan } from './fingerprint.js';
export * from './normalise.js';
export * from './types.js';
