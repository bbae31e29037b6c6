/** A tiny cookie-keeping client for the gateway, as a browser would use it. */
export class GatewayClient {
  /** `cookie`: a Cookie header to start with, e.g. another client's, as the same browser reaching another address. */
  constructor(
    readonly baseUrl: string,
    private cookie = '',
  ) {}

  /** The cookies held, as a Cookie header. */
  get cookieHeader(): string {
    return this.cookie;
  }

  async signIn(email: string, password = 'waymark-demo'): Promise<Response> {
    const response = await fetch(`${this.baseUrl}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    // The session cookie and the browser's device cookie, as a browser keeps them.
    const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
    if (cookies.length > 0) this.cookie = cookies.join('; ');
    return response;
  }

  async signOut(): Promise<Response> {
    return fetch(`${this.baseUrl}/auth/sign-out`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: this.cookie }, body: '{}' });
  }

  async query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] }> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }
}
