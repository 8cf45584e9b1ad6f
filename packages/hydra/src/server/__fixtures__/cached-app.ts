/**
 * An application for the tests of the response cache and of the `node:http` adapter's direct
 * path: data, a version bumped by every write, tokens, and counts of what ran.
 *
 * @module
 */
import { createRegistry, t, vocabulary } from '@hyperld/core';
import { hydraTypes } from '../../vocabulary.js';
import { createHydraHandler, HttpProblem, type HydraHandlerOptions, type ServerRoute } from '../index.js';

export const VENDOR = 'application/vnd.example+jsonld';
export const ORIGIN = 'http://api.test';

const v = vocabulary({ vocab: 'https://example.com/vocab#' });
const Thing = v.type('Thing', { properties: { name: t.string() } });
export const registry = createRegistry({ types: [Thing, ...hydraTypes] });

export interface User {
  readonly id: string;
}

/** An application: data, a version bumped by every write, tokens, and counts of what ran. */
export function app(cacheOptions: Partial<NonNullable<HydraHandlerOptions<User>['responseCache']>> | false = {}) {
  const data = new Map<string, string>([
    ['a', 'A'],
    ['b', 'B'],
  ]);
  const tokens = new Map<string, User>([
    ['t1', { id: 'u1' }],
    ['t2', { id: 'u2' }],
  ]);
  const state = { version: 0, renders: 0, versionReads: 0, authentications: 0 };
  const thing = (id: string, name: string) => ({ '@type': 'Thing', '@context': '/contexts/Thing.jsonld', id: `/things/${id}`, name });
  const routes: ServerRoute<User>[] = [
    {
      method: 'GET',
      template: '/things/{thing}{?q}',
      handle: ({ params, auth, url }) => {
        state.renders++;
        const name = data.get(params['thing'] ?? '');
        return name === undefined ? undefined : thing(params['thing'] ?? '', `${name} for ${auth.id}${url.search}`);
      },
    },
    {
      method: 'PUT',
      template: '/things/{thing}',
      handle: ({ params }) => {
        data.set(params['thing'] ?? '', `${data.get(params['thing'] ?? '') ?? ''}!`);
        state.version++;
        return thing(params['thing'] ?? '', data.get(params['thing'] ?? '') ?? '');
      },
    },
    { method: 'GET', template: '/public', public: true, handle: () => (state.renders++, thing('p', 'public')) },
    { method: 'GET', template: '/raw', handle: () => (state.renders++, new Response('raw', { headers: { 'content-type': 'text/plain' } })) },
    {
      method: 'GET',
      template: '/conflict',
      handle: () => {
        state.renders++;
        throw new HttpProblem(409, 'Conflict', 'Not now.');
      },
    },
    {
      // A handler that writes while it renders (its answer shows data the version read before it does not cover).
      method: 'GET',
      template: '/writing',
      handle: () => {
        state.renders++;
        state.version++;
        return thing('w', `write ${state.version}`);
      },
    },
  ];
  const handler = createHydraHandler<User>({
    registry,
    routes,
    mediaTypes: [VENDOR],
    authenticate: (request) => {
      state.authentications++;
      return tokens.get((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''));
    },
    ...(cacheOptions === false
      ? {}
      : {
          responseCache: {
            version: () => {
              state.versionReads++;
              return state.version;
            },
            principal: (user: User | undefined) => user?.id,
            ...cacheOptions,
          },
        }),
  });
  const get = (path: string, token = 't1', headers: Record<string, string> = {}, method = 'GET'): Promise<Response> =>
    handler.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...headers } }));
  return { data, tokens, state, handler, get };
}

/** Status, header fields and body bytes of a response. */
export async function snapshot(response: Response): Promise<{ status: number; headers: [string, string][]; body: string | null }> {
  return { status: response.status, headers: [...response.headers], body: response.body === null ? null : await response.text() };
}
