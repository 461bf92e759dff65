// Bounds on what the loader accepts. Profile files are small, hand-written documents; every bound below is far
// above any real routing profile and far below what could hurt a CI runner (time or memory).
import type { Channel } from '../vocabulary.js';

/**
 * Largest profile file read. A routing profile is 1-4 KiB of YAML, so 2 MiB holds all 500 profiles an instance
 * may have; anything larger is a mistake or an attack, and is refused from its size before a byte is read.
 * The bound is also what caps memory: js-yaml's parser keeps one event per token, up to ~70 bytes of heap
 * per byte of input in the worst case, so 2 MiB stays under ~150 MB and about a second.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Deepest collection nesting js-yaml's parser accepts (its `maxDepth`). A profile nests four levels
 * (document -> queues -> entry -> value); 32 leaves room for mistakes that deserve a schema message rather than
 * a parser one, and stops stack-exhausting inputs early.
 */
export const MAX_DEPTH = 32;

/**
 * Aliases (`*name`) per document. Sensible use (a shared queue entry or a `<<: *defaults` per queue) needs a
 * few dozen at most; a cap keeps alias chains short.
 */
export const MAX_ALIASES_PER_DOCUMENT = 100;

/**
 * Values built per document once aliases and merge keys are expanded. A full profile (4 channels, 50 queues,
 * 50 tags) is about 500; the cap is what defuses "billion laughs", where a few aliases expand exponentially.
 */
export const MAX_NODES_PER_DOCUMENT = 20_000;

/**
 * Problems reported per file. A generated or corrupted file can produce one problem per line; past this many
 * the rest are summarised, so output stays readable and memory stays bounded.
 */
export const MAX_PROBLEMS_PER_FILE = 50;

// Connect's rules for the newer parts of a routing profile that no public source settles. Each choice is one
// constant, marked UNVERIFIED, so that it is made once and visibly, and changed in one place when AWS says more.

/**
 * Channels a manual-assignment (Worklist) queue may be associated on. UNVERIFIED: the API reference lists every
 * channel in the QueueReference, and the one hint otherwise is a truncated SDK note saying that on VOICE manual
 * assignment serves agent-first callbacks only, which reads as "allowed, for callbacks". So every channel is
 * accepted; removing VOICE here is all it takes to refuse it with a located message.
 */
export const MANUAL_ASSIGNMENT_CHANNELS: readonly Channel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

/**
 * Manual-assignment queue-channel pairs per routing profile. UNVERIFIED: no quota is published for them; we
 * apply the standard queues' 50-pair quota separately, which also bounds how many Associate calls one profile
 * needs (5 of 10 pairs).
 */
export const MANUAL_QUEUE_PAIRS_PER_PROFILE = 50;

/**
 * Channels that take workload types. UNVERIFIED: the September 2026 announcement's summary says TASK and EMAIL;
 * the model accepts WorkloadTypeConcurrencies on any MediaConcurrency.
 */
export const WORKLOAD_TYPE_CHANNELS: readonly Channel[] = ['TASK', 'EMAIL'];

/**
 * What a workload type's name may look like. UNVERIFIED: the model says only "a string of at least 1
 * character". We take at most 128 characters, the bound of Connect's identifier-like names, with no spaces at
 * either end (and, like every name here, no control or invisible characters): the same rule as the emulator's,
 * so every workload type the emulator holds can be written in a file.
 */
export const WORKLOAD_TYPE_NAME_MAX_LENGTH = 128;
