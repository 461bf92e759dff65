// SearchRoutingProfiles / SearchQueues criteria and tag filters (shapes RoutingProfileSearchCriteria,
// QueueSearchCriteria, ControlPlaneTagFilter in the model; semantics from the API reference).
import { invalidParameter } from './errors.js';

interface StringCondition {
  FieldName?: string;
  Value?: string;
  ComparisonType?: string;
}

export interface SearchCriteria {
  AndConditions?: SearchCriteria[];
  OrConditions?: SearchCriteria[];
  StringCondition?: StringCondition;
  QueueTypeCondition?: string;
}

interface TagCondition {
  TagKey?: string;
  TagValue?: string;
}

export interface TagFilter {
  OrConditions?: TagCondition[][];
  AndConditions?: TagCondition[];
  TagCondition?: TagCondition;
}

/** What a searchable resource exposes to criteria: each field name maps to its value(s). */
export interface Searchable {
  fields: Record<string, string | string[]>;
  tags: Record<string, string>;
  queueType?: string;
}

/** The API reference: CONTAINS on name/description needs 2..25 characters. */
export const CONTAINS_LENGTH = { min: 2, max: 25 } as const;

/**
 * UNVERIFIED: the reference does not say whether comparisons ignore case. We treat EXACT as exact and
 * CONTAINS / STARTS_WITH as case-insensitive, as Connect's console search behaves.
 */
export const CASE_INSENSITIVE_COMPARISONS: ReadonlySet<string> = new Set(['CONTAINS', 'STARTS_WITH']);

/** Checks criteria up front so that a bad condition fails even when nothing would be compared. */
export function checkCriteria(c: SearchCriteria | undefined, fieldNames: readonly string[]): void {
  if (!c) return;
  for (const sub of [...(c.AndConditions ?? []), ...(c.OrConditions ?? [])]) checkCriteria(sub, fieldNames);
  const s = c.StringCondition;
  if (!s) return;
  if (s.FieldName === undefined || !fieldNames.includes(s.FieldName)) {
    throw invalidParameter(`StringCondition.FieldName must be one of: ${fieldNames.join(', ')}.`);
  }
  if (s.Value === undefined) throw invalidParameter('StringCondition.Value is required.');
  if (s.ComparisonType === undefined) throw invalidParameter('StringCondition.ComparisonType is required.');
  const len = [...s.Value].length;
  if (s.ComparisonType === 'CONTAINS' && (len < CONTAINS_LENGTH.min || len > CONTAINS_LENGTH.max)) {
    throw invalidParameter(
      `A CONTAINS condition needs a value of ${CONTAINS_LENGTH.min} to ${CONTAINS_LENGTH.max} characters.`,
    );
  }
}

function compare(actual: string, cond: StringCondition): boolean {
  const fold = CASE_INSENSITIVE_COMPARISONS.has(cond.ComparisonType ?? '');
  const a = fold ? actual.toLowerCase() : actual;
  const v = fold ? (cond.Value ?? '').toLowerCase() : (cond.Value ?? '');
  switch (cond.ComparisonType) {
    case 'EXACT':
      return a === v;
    case 'CONTAINS':
      return a.includes(v);
    case 'STARTS_WITH':
      return a.startsWith(v);
    default:
      return false;
  }
}

/** Every member that is set must hold (a node with several members is their conjunction). */
export function matchesCriteria(c: SearchCriteria | undefined, r: Searchable): boolean {
  if (!c) return true;
  if (c.AndConditions && !c.AndConditions.every((x) => matchesCriteria(x, r))) return false;
  if (c.OrConditions && c.OrConditions.length > 0 && !c.OrConditions.some((x) => matchesCriteria(x, r))) {
    return false;
  }
  if (c.QueueTypeCondition !== undefined && r.queueType !== c.QueueTypeCondition) return false;
  if (c.StringCondition) {
    const field = r.fields[c.StringCondition.FieldName ?? ''];
    const values = Array.isArray(field) ? field : field === undefined ? [] : [field];
    if (!values.some((v) => compare(v, c.StringCondition!))) return false;
  }
  return true;
}

/** A TagCondition without TagValue matches any value of the key. */
function tagMatches(t: TagCondition, tags: Record<string, string>): boolean {
  if (t.TagKey === undefined || !Object.hasOwn(tags, t.TagKey)) return false;
  return t.TagValue === undefined || tags[t.TagKey] === t.TagValue;
}

/** OrConditions is an OR of ANDs; AndConditions a flat AND; TagCondition a single leaf. */
export function matchesTagFilter(f: TagFilter | undefined, tags: Record<string, string>): boolean {
  if (!f) return true;
  if (f.OrConditions && f.OrConditions.length > 0) {
    if (!f.OrConditions.some((and) => and.every((t) => tagMatches(t, tags)))) return false;
  }
  if (f.AndConditions && !f.AndConditions.every((t) => tagMatches(t, tags))) return false;
  if (f.TagCondition && !tagMatches(f.TagCondition, tags)) return false;
  return true;
}
