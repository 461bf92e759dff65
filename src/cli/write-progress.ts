// Apply's writes advancing ("Applying: 12/40 calls"), counted at the one door every write goes through, so
// apply itself stays free of any output.
import type { ConnectWriter } from '../connect/index.js';
import type { Progress } from './progress.js';

export function withWriteProgress(writer: ConnectWriter, progress: Progress, total: number): ConnectWriter {
  let sent = 0;
  progress.update(0, total);
  return {
    async send(call, ctx) {
      try {
        return await writer.send(call, ctx);
      } finally {
        sent += 1;
        progress.update(Math.min(sent, total), total);
      }
    },
  };
}
