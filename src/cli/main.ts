#!/usr/bin/env node
// The connect-gitops executable: binds run() to the process, its signals and its exit code.
import './quiet-warnings.js';
import { run } from './run.js';

const argv = process.argv.slice(2);
// Only apply stops cleanly on a signal; creating the controller for other commands would load machinery they
// never use (start-up of validate).
const controller = argv[0] === 'apply' ? new AbortController() : undefined;
// Apply has work worth finishing cleanly; the emulator handles its own signals; the other commands only read
// (and write their output atomically), so they stop at once, saying so, with the error exit code.
if (argv[0] !== 'apply' && argv[0] !== 'emulator') {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal} received: stopped; nothing was changed.\n`);
      process.exit(1);
    });
  }
}
if (argv[0] === 'apply') {
  let interrupts = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      interrupts += 1;
      // First signal: let the call in flight finish, send nothing more, report. Second: stop now.
      if (interrupts > 1) process.exit(130);
      process.stderr.write(`\n${signal} received: finishing the call in flight, then stopping (send it again to stop at once).\n`);
      controller?.abort(signal);
    });
  }
}

process.exitCode = await run(argv, { signal: controller?.signal });
