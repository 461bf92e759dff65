// Imported first by main.ts, so it runs before the AWS SDK loads.
// The SDK warns on Node 20 that *future* SDK releases will need Node 22. It is not about this run, and on
// stderr it would mix into every command's output; connect-gitops pins its SDK and its image runs Node 24.
const originalEmitWarning = process.emitWarning.bind(process);

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  const name = warning instanceof Error ? warning.name : type;
  const text = warning instanceof Error ? warning.message : warning;
  // The SDK sends it either as the warning type or as the start of a plain warning's text.
  if (name === 'NodeVersionSupportWarning' || text.startsWith('NodeVersionSupportWarning')) return;
  (originalEmitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
