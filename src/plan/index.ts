// The pure core: desired + live -> plan. No I/O.
export { computePlan } from './planner.js';
export { changedProfiles, liveFingerprint, type LiveSnapshot, type ProfileSnapshot, queueInventoryChanged, summariseLiveForPlan } from './fingerprint.js';
export * from './normalise.js';
export * from './types.js';
