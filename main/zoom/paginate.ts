/** Zoom's largest page: every list operation Cadence pages through allows 300 records. */
export const maxPageSize = 300;

/**
 * Every page of a paged list, following `next_page_token` until Zoom sends none; each page is
 * handed to `onPage` as it arrives, so a long list need not be held whole. `fetchPage` gets the
 * token of the page to fetch (undefined for the first).
 */
export async function forEachPage<Page extends { next_page_token?: string | undefined }>(
  fetchPage: (nextPageToken: string | undefined) => Promise<Page>,
  onPage: (page: Page) => void,
): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    onPage(page);
    token = page.next_page_token;
    // A token Zoom already sent would loop forever.
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`Zoom sent the page token "${token}" twice.`);
      seen.add(token);
    }
  } while (token !== undefined);
}

/** Every record of a paged list, in Zoom's order. */
export async function collectPages<Page extends { next_page_token?: string | undefined }, Item>(
  fetchPage: (nextPageToken: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[],
): Promise<Item[]> {
  const items: Item[] = [];
  await forEachPage(fetchPage, (page) => {
    items.push(...itemsOf(page));
  });
  return items;
}
