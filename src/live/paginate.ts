// Following NextToken: until it is absent, and never around in a circle (a repeated token would loop
// forever; the SDK's own paginators have the same `stopOnSameToken` guard, wire-protocol §1.4).
import type { Page } from '../connect/read-types.js';

/** Hard stop far above any real inventory (500 profiles per instance; queues in the low thousands). */
export const MAX_PAGES = 1_000;

export async function collectPages<T>(fetch: (nextToken: string | undefined) => Promise<Page<T>>, onPage?: () => void): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetch(token);
    onPage?.();
    items.push(...page.items);
    if (!page.nextToken || seen.has(page.nextToken)) return items;
    seen.add(page.nextToken);
    token = page.nextToken;
  }
  return items;
}
