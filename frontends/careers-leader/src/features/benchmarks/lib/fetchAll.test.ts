import { describe, expect, it } from 'vitest';
import { fetchAllPages, MAX_PAGES, type Page } from './fetchAll';

function pages(total: number, size: number) {
  const calls: (string | null)[] = [];
  const fetchPage = async (after: string | null): Promise<Page<number>> => {
    calls.push(after);
    const start = after == null ? 0 : Number(after);
    const nodes = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, index) => start + index);
    const end = start + nodes.length;
    return {
      edges: nodes.map((node) => ({ cursor: String(node + 1), node })),
      pageInfo: { hasNextPage: end < total, endCursor: nodes.length ? String(end) : null },
      totalCount: total,
    };
  };
  return { calls, fetchPage };
}

describe('fetchAllPages', () => {
  it('follows the cursor until the last page, reporting progress', async () => {
    const { calls, fetchPage } = pages(250, 100);
    const progress: [number, number][] = [];
    const nodes = await fetchAllPages(fetchPage, (loaded, total) => progress.push([loaded, total]));
    expect(nodes).toEqual(Array.from({ length: 250 }, (_, index) => index));
    expect(calls).toEqual([null, '100', '200']);
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('asks once for an empty list', async () => {
    const { calls, fetchPage } = pages(0, 100);
    expect(await fetchAllPages(fetchPage)).toEqual([]);
    expect(calls).toEqual([null]);
  });

  it('stops when the cursor does not move, and gives up on a list that never ends', async () => {
    const stuck = async (): Promise<Page<number>> => ({ edges: [{ cursor: 'c', node: 1 }], pageInfo: { hasNextPage: true, endCursor: 'c' }, totalCount: 5 });
    expect(await fetchAllPages(stuck)).toEqual([1, 1]);
    let n = 0;
    const endless = async (): Promise<Page<number>> => ({ edges: [], pageInfo: { hasNextPage: true, endCursor: String(++n) }, totalCount: 1 });
    await expect(fetchAllPages(endless)).rejects.toThrow(`${MAX_PAGES} pages`);
  });

  it('passes on a failed page', async () => {
    await expect(fetchAllPages(() => Promise.reject(new Error('network down')))).rejects.toThrow('network down');
  });
});
