// Bounds on what the loader accepts. Profile files are small, hand-written documents; every bound below is far
// above any real routing profile and far below what could hurt a CI runner (time or memory).

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
