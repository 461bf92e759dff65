// "Reading live state: 230/500 profiles" on stderr, only for a person at a terminal and only for reads
// long enough to wonder about (design.md: long reads show progress when stderr is a TTY).
const SHOW_AFTER_MS = 2000;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = t;
      drawn = true;
      stream.write(`\r${label}: ${done}/${total} profiles`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
