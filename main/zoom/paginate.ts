/** Zoom's largest page: every list operation Cadence pages through allows 300 records. */
export const maxPageSize = 300;

/**
 * Every record of a paged list, following `next_page_token` until Zoom sends none. `fetchPage`
 * gets the token of the page to fetch (undefined for the first).
 */
export async function collectPages<Page extends { next_page_token?: string | undefined }, Item>(
  fetchPage: (nextPageToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[],
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...itemsOf(page));
    token = page.next_page_token;
    // A token Zoom already sent would loop forever.
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`Zoom sent the page token "${token}" twice.`);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
