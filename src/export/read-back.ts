// An exported file must load with the project's own loader as exactly the document it was written from.
// Whatever the loader rejects (a control character, a value out of the schema's range, a reserved tag key)
// becomes a reason to skip that profile, so export never writes a file that `plan` would refuse.
import { parseProfileText } from '../desired/parse-text.js';
import { canonicalJson } from '../plan/canonical-json.js';
import type { DesiredProfile } from '../desired/types.js';
import { statedFields, type ExportDocument } from './document.js';

export type ReadBack = { ok: true; profile: DesiredProfile } | { ok: false; reasons: string[] };

export function readBack(file: string, text: string, document: ExportDocument): ReadBack {
  const parsed = parseProfileText(file, text);
  if (parsed.problems.length > 0) return { ok: false, reasons: parsed.problems.map((p) => `line ${p.line}: ${p.message}`) };
  const [loaded, ...more] = parsed.profiles;
  if (loaded === undefined || more.length > 0) return { ok: false, reasons: [`the file reads back as ${parsed.profiles.length} profiles, not one`] };
  // Compared as canonical JSON: the loader builds objects without a prototype, and key order is not content.
  if (canonicalJson(statedFields(loaded)) !== canonicalJson(document)) {
    return { ok: false, reasons: ['the file would not read back as the live profile (a bug in connect-gitops; please report it)'] };
  }
  return { ok: true, profile: loaded };
}
