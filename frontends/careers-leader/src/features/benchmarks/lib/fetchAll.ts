export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Stops a server that always says there is another page from looping for ever. */
export const MAX_PAGES = 1000;

/**
 * Every node of a cursor connection, a page at a time, reporting how many have arrived so far. It
 * stops when the server says there is no next page (or gives no cursor to continue from).
 */
export async function fetchAllPages<Node>(
  fetchPage: (after: string | null) => Promise<Page<Node>>,
  onProgress?: (loaded: number, total: number) => void,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const connection: Page<Node> = await fetchPage(after);
    nodes.push(...connection.edges.map((edge) => edge.node));
    onProgress?.(nodes.length, connection.totalCount);
    const next = connection.pageInfo.endCursor;
    if (!connection.pageInfo.hasNextPage || !next || next === after) return nodes;
    after = next;
  }
  throw new Error(`Stopped after ${MAX_PAGES} pages: the list did not end.`);
}
