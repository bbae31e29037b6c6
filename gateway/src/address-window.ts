/**
 * A fixed window of requests per key (a client address), per gateway: a guard against floods of
 * requests to the routes that need no sign-in (sign-in itself, whose password hash is deliberately
 * slow, the account steps, the school finder, self-reports). Password guessing itself is slowed in
 * identity, per email and per address, across every replica. Each use is generous, because a whole
 * school can sit behind one address.
 */
export class AddressWindow {
  private readonly hits = new Map<string, { count: number; until: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for `key`; false once the window's limit is passed. */
  allow(key: string): boolean {
    const now = Date.now();
    const entry = this.hits.get(key);
    if (!entry || entry.until < now) {
      if (this.hits.size > 50_000) this.hits.clear();
      this.hits.set(key, { count: 1, until: now + this.windowMs });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }
}
