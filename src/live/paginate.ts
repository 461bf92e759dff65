// Following NextToken until it is absent. A listing that repeats a token would loop forever, and one that runs
// past any real inventory is broken too; stopping there with what was read so far would hand the planner a
// partial inventory, which plans creates for profiles that exist. Both are errors naming the operation.
import type { Page } from '../connect/read-types.js';
import { AwsError } from '../errors.js';

/** Hard stop far above any real inventory (500 profiles per instance; queues in the low thousands). */
export const MAX_PAGES = 1_000;

const HINT =
  'Connect returned an inconsistent listing, so live state could not be read in full and nothing was planned ' +
  'or changed from it. Run again; if it persists, report it to AWS Support with the operation named above.';

export async function collectPages<T>(
  operation: string,
  fetch: (nextToken: string | undefined) => Promise<Page<T>>,
  opts: { onPage?: () => void; profile?: string } = {},
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetch(token);
    opts.onPage?.();
    items.push(...page.items);
    if (!page.nextToken) return items;
    if (seen.has(page.nextToken)) {
      throw new AwsError(
        `${operation} returned a NextToken it had already returned (page ${pages + 1}): following it would loop forever`,
        operation,
        'PaginationLoop',
        HINT,
        opts.profile,
      );
    }
    seen.add(page.nextToken);
    token = page.nextToken;
  }
  throw new AwsError(`${operation} was still returning a NextToken after ${MAX_PAGES} pages`, operation, 'PaginationLimit', HINT, opts.profile);
}
