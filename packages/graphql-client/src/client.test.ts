import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInError, signIn } from './auth.js';
import { GraphQLRequestError, isUnauthenticated, MISSING_DATA, request, required, type TypedDocument } from './client.js';

/** Text typed as a document, as the generated documents are. */
const typed = <TData = unknown>(text: string) => text as string & TypedDocument<TData>;

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('posts the document and variables as JSON with same-origin credentials', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ data: { me: { id: '1' } } }));
    vi.stubGlobal('fetch', fetchMock);

    const data = await request(typed<{ me: { id: string } }>('query { me { id } }'), { first: 2 });

    expect(data).toEqual({ me: { id: '1' } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body as string)).toEqual({ query: 'query { me { id } }', variables: { first: 2 } });
  });

  it('rejects with the errors and keeps partial data', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ data: { me: null }, errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] })),
    );

    const error = await request(typed('query { me { id } }')).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(GraphQLRequestError);
    const requestError = error as GraphQLRequestError;
    expect(requestError.message).toBe('Sign in first');
    expect(requestError.codes).toEqual(['UNAUTHENTICATED']);
    expect(requestError.data).toEqual({ me: null });
    expect(isUnauthenticated(requestError)).toBe(true);
  });

  it('turns a failed fetch into a NETWORK_ERROR', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );

    const error = (await request(typed('{ me { id } }')).catch((caught: unknown) => caught)) as GraphQLRequestError;

    expect(error.codes).toEqual(['NETWORK_ERROR']);
  });

  it('reports a non-JSON HTTP failure with its status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' })),
    );

    const error = (await request(typed('{ me { id } }')).catch((caught: unknown) => caught)) as GraphQLRequestError;

    expect(error.status).toBe(502);
    expect(error.codes).toEqual(['HTTP_502']);
  });
});

describe('signIn', () => {
  it('answers signed in, with the account, on success', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ account: { id: 'a', displayName: 'Ada', roles: ['pupil'] } })),
    );

    await expect(signIn('ada@example.org', 'secret')).resolves.toEqual({
      kind: 'signed-in',
      account: { id: 'a', displayName: 'Ada', roles: ['pupil'] },
      recoveryCodes: null,
    });
  });

  it('answers the code step when the gateway asks for a second factor', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ secondFactor: 'code' })),
    );

    await expect(signIn('ada@example.org', 'secret')).resolves.toEqual({ kind: 'code' });
  });

  it('throws a SignInError with the plain-text message on 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Unknown email or wrong password', { status: 401 })),
    );

    const error = await signIn('ada@example.org', 'nope').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).message).toBe('Unknown email or wrong password');
    expect((error as SignInError).status).toBe(401);
  });
});

describe('required', () => {
  it('hands back a value that is there, falsy ones included', () => {
    expect(required({ edges: [] })).toEqual({ edges: [] });
    expect(required(0)).toBe(0);
    expect(required('')).toBe('');
  });

  it('turns a root field answered with null into a request error a page can show', () => {
    const error = (() => {
      try {
        return required(null);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).codes).toEqual([MISSING_DATA]);
  });
});
