// File bytes -> text. Profile files must be UTF-8 (a BOM is accepted and dropped); anything else is reported
// with the line where decoding fails rather than turned into replacement characters.

export type Decoded = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

const LINE_FEED = 0x0a;

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the default ignoreBOM=false drops a BOM.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, ...locateInvalidUtf8(bytes), message: invalidMessage(bytes) };
  }
}

function invalidMessage(bytes: Uint8Array): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return utf16
    ? 'the file is not valid UTF-8 (it looks like UTF-16); save it as UTF-8'
    : 'the file is not valid UTF-8; save it as UTF-8';
}

/** The line (and column) of the first invalid byte: 0x0A never occurs inside a UTF-8 sequence, so lines decode independently. */
function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(LINE_FEED, start);
    const end = newline === -1 ? bytes.length : newline;
    const chunk = bytes.subarray(start, end);
    try {
      strict.decode(chunk);
    } catch {
      return { line, column: lenient.decode(chunk).indexOf('\uFFFD') + 1 || 1 };
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { line: 1, column: 1 };
}
