/**
 * The reference server speaks standard Hydra (issue 15), over HTTP on an ephemeral loopback
 * port: the API documentation read with the published Hydra context (never hyperld's registry),
 * the entrypoint at `/` negotiated with the docs site, the account collections with their
 * `hydra:search` filtered in SQL, and CORS for browser clients of allowed origins.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { TEXTUS_MEDIA_TYPE, TEXTUS_VOCAB } from '@hyperld/textus';
import { DEMO_SECOND_ACCOUNT_ID, DEMO_TOKEN, DEMO_USER_ID, OTHER_ACCOUNT_ID, SEED_ACCOUNT_ID, startTextusServer } from '@hyperld/textus-server';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/textus-server.js';

type Json = Record<string, unknown>;
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const HYDRA_CONTEXT = 'http://www.w3.org/ns/hydra/context.jsonld';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const OWL = 'http://www.w3.org/2002/07/owl#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const APP = 'https://app.example';
const PUBLISHED = JSON.parse(readFileSync(new URL('./helpers/published-hydra-context.json', import.meta.url), 'utf8')) as object;
const SITE_HTML = '<!doctype html><title>TextUs docs</title>';

let server: Awaited<ReturnType<typeof startTextusServer>>;

beforeAll(async () => {
  server = await startTextusServer({
    file: ':memory:',
    port: 0,
    announce: false,
    corsOrigins: [APP],
    // A stand-in for the docs site's home page (scripts/serve-docs.ts mounts the real one at /).
    extraRoutes: [{ method: 'GET', template: '/', public: true, handle: () => new Response(SITE_HTML, { headers: { 'content-type': 'text/html; charset=utf-8' } }) }],
  });
});

afterAll(async () => {
  await server.close();
});

/**
 * Reads documents as any JSON-LD processor does: the Hydra context from the project's copy of
 * the published one, the server's own contexts from the server; nothing else is fetched.
 */
const documentLoader = async (url: string) => {
  if (url === HYDRA_CONTEXT) return { contextUrl: undefined, documentUrl: url, document: PUBLISHED };
  if (url.startsWith(server.url)) return { contextUrl: undefined, documentUrl: url, document: (await call(server.url, 'GET', url)).json };
  throw new Error(`no remote document in this test: ${url}`);
};
type Quad = { subject: { termType: string; value: string }; predicate: { value: string }; object: { termType: string; value: string } };
const toRdf = async (doc: Json, base: string): Promise<Quad[]> =>
  (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { base, documentLoader } as unknown as jsonld.Options.ToRdf)) as unknown as Quad[];

describe('the API documentation, read with the published Hydra context', () => {
  it('names the entrypoint, whose class it documents, with every class under its own IRI', async () => {
    const docs = await call(server.url, 'GET', '/docs.jsonld', { accept: 'application/ld+json' });
    const base = `${server.url}/docs.jsonld`;
    const graph = await toRdf(docs.json, base);
    const has = (s: string, p: string, o: string) => graph.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    expect(has(base, RDF_TYPE, `${HYDRA}ApiDocumentation`)).toBe(true);
    expect(has(base, `${HYDRA}entrypoint`, `${server.url}/`)).toBe(true);
    const classes = graph.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${HYDRA}Class`).map((q) => q.subject);
    expect(classes.length).toBeGreaterThan(15);
    expect(classes.filter((s) => s.termType !== 'NamedNode')).toEqual([]);
    for (const name of ['EntryPoint', 'AccountCollection', 'ConversationCollection', 'Conversation', 'ConversationWithAccount']) {
      expect(has(base, `${HYDRA}supportedClass`, `${TEXTUS_VOCAB}${name}`), name).toBe(true);
    }
    // The entrypoint's accounts link leads to a collection of accounts, as API Platform reads it.
    expect(has(`${TEXTUS_VOCAB}accounts`, RDF_TYPE, `${HYDRA}Link`)).toBe(true);
    expect(has(`${TEXTUS_VOCAB}accounts`, `${RDFS}range`, `${TEXTUS_VOCAB}AccountCollection`)).toBe(true);
    const restriction = graph.find((q) => q.predicate.value === `${OWL}allValuesFrom` && q.object.value === `${TEXTUS_VOCAB}Account`);
    expect(restriction).toBeDefined();
    expect(has(`${TEXTUS_VOCAB}AccountCollection`, `${RDFS}subClassOf`, `${HYDRA}Collection`)).toBe(true);
    // The close action: a hydra:Link carrying its PUT, which answers 200, or 409 when refused.
    const close = `${TEXTUS_VOCAB}Conversation/closeConversation`;
    expect(has(`${TEXTUS_VOCAB}closeConversation`, `${HYDRA}supportedOperation`, close)).toBe(true);
    expect(has(close, `${HYDRA}method`, 'PUT')).toBe(true);
    const statuses = graph
      .filter((q) => q.subject.value === close && q.predicate.value === `${HYDRA}possibleStatus`)
      .map((q) => graph.find((s) => s.subject.value === q.object.value && s.predicate.value === `${HYDRA}statusCode`)?.object.value);
    expect(statuses.sort()).toEqual(['200', '400', '401', '404', '409', '413', '415']);
    // The entrypoint's GET needs no token and is always there.
    const entryGet = `${TEXTUS_VOCAB}EntryPoint/get`;
    expect(graph.filter((q) => q.subject.value === entryGet && q.predicate.value === `${HYDRA}possibleStatus`).map((q) => q.object.value)).toEqual([`${entryGet}/200`]);
  });
});

describe('the entrypoint at /', () => {
  it('answers JSON-LD clients (ld+json, the vendor type, */*, no Accept) with the EntryPoint, no token needed, and the documentation Link', async () => {
    for (const accept of ['application/ld+json', TEXTUS_MEDIA_TYPE, '*/*', 'text/html;q=0.5, application/ld+json']) {
      const answer = await call(server.url, 'GET', '/', { accept });
      expect(answer.status, accept).toBe(200);
      expect(answer.json, accept).toEqual({ '@type': 'EntryPoint', '@context': '/contexts/EntryPoint.jsonld', id: '/', accounts: '/accounts' });
      expect(answer.headers.get('link'), accept).toBe(`<${server.url}/docs.jsonld>; rel="${HYDRA}apiDocumentation"`);
    }
    const bare = await fetch(`${server.url}/`);
    expect(bare.headers.get('content-type')).toBe(TEXTUS_MEDIA_TYPE);
  });

  it('answers browsers with the docs site', async () => {
    const answer = await call(server.url, 'GET', '/', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(SITE_HTML);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.headers.get('vary')).toBe('Accept');
    expect(answer.headers.get('link')).toBe(`<${server.url}/docs.jsonld>; rel="${HYDRA}apiDocumentation"`);
  });

  it('means what the API documentation says: its type is the documented EntryPoint class, its accounts an IRI', async () => {
    const answer = await call(server.url, 'GET', '/', { accept: 'application/ld+json' });
    const [node] = (await jsonld.expand(answer.json as jsonld.JsonLdDocument, { base: `${server.url}/`, documentLoader } as unknown as jsonld.Options.Expand)) as Json[];
    expect(node?.['@type']).toEqual([`${TEXTUS_VOCAB}EntryPoint`]);
    expect(node?.[`${TEXTUS_VOCAB}accounts`]).toEqual([{ '@id': `${server.url}/accounts` }]);
  });
});

describe('the account collections', () => {
  const get = (path: string) => call(server.url, 'GET', path, { token: DEMO_TOKEN });
  const count = (sql: string, ...args: unknown[]) => (server.store.db.prepare(sql).get(...args) as { n: number }).n;

  it('lists the accounts of the user, each linking its conversations and contacts, paged, with its search template', async () => {
    const answer = await get('/accounts');
    expect(answer.status).toBe(200);
    expect(answer.json['@type']).toBe('AccountCollection');
    const members = answer.json['members'] as Json[];
    expect(members.map((m) => m['id']).sort()).toEqual(server.store.accountIdsOf(DEMO_USER_ID).map((a) => `/accounts/${a}`).sort());
    expect(members.map((m) => m['id'])).toEqual(expect.arrayContaining([`/accounts/${DEMO_SECOND_ACCOUNT_ID}`, `/accounts/${SEED_ACCOUNT_ID}`]));
    expect(answer.json['totalItems']).toBe(count('SELECT COUNT(*) AS n FROM memberships WHERE user_id = ?', DEMO_USER_ID));
    for (const m of members) {
      expect(m['conversations']).toBe(`${m['id']}/conversations`);
      expect(m['contacts']).toBe(`${m['id']}/contacts`);
    }
    expect(answer.json['search']).toMatchObject({ '@type': 'hydra:IriTemplate', template: '/accounts{?per_page}' });
    const first = await get('/accounts?per_page=1');
    expect((first.json['members'] as Json[]).length).toBe(1);
    const next = (first.json['view'] as Json)['next'] as string;
    expect(next).toMatch(/per_page=1/);
    expect(((await get(next)).json['members'] as Json[]).length).toBe(1);
    expect((await get('/accounts?per_page=0')).status).toBe(400);
  });

  it('filters an account conversations by state in the store, and keeps the filter while paging', async () => {
    for (const state of ['open', 'closed', 'blocked'] as const) {
      const expected = count('SELECT COUNT(*) AS n FROM conversations WHERE account_id = ? AND current_state = ?', SEED_ACCOUNT_ID, state);
      const ids: string[] = [];
      let url: string | null = `/accounts/${SEED_ACCOUNT_ID}/conversations?state=${state}&per_page=7`;
      while (url !== null) {
        const page = await get(url);
        expect(page.status, url).toBe(200);
        expect(page.json['totalItems'], url).toBe(expected);
        for (const member of page.json['members'] as Json[]) {
          expect(member['currentState']).toBe(state);
          ids.push(member['id'] as string);
        }
        url = ((page.json['view'] as Json)['next'] as string | null) ?? null;
        if (url !== null) expect(url).toContain(`state=${state}`);
      }
      expect(new Set(ids).size, state).toBe(expected);
    }
    const all = await get(`/accounts/${SEED_ACCOUNT_ID}/conversations`);
    expect(all.json['totalItems']).toBe(count('SELECT COUNT(*) AS n FROM conversations WHERE account_id = ?', SEED_ACCOUNT_ID));
    expect(all.json['search']).toMatchObject({
      template: `/accounts/${SEED_ACCOUNT_ID}/conversations{?state,per_page}`,
      mapping: [
        { variable: 'state', property: `${TEXTUS_VOCAB}currentState`, required: false },
        { variable: 'per_page', property: `${HYDRA}limit`, required: false },
      ],
    });
  });

  it('refuses a bad filter or page size with a 400 naming it, and another account with a 404', async () => {
    const bad = await get(`/accounts/${SEED_ACCOUNT_ID}/conversations?state=sleeping&per_page=1000`);
    expect(bad.status).toBe(400);
    expect(bad.json['violations']).toEqual([
      expect.objectContaining({ code: 'invalid_enum', path: '$query.state' }),
      expect.objectContaining({ code: 'invalid_integer', path: '$query.per_page' }),
    ]);
    expect((await get(`/accounts/${OTHER_ACCOUNT_ID}/conversations`)).status).toBe(404);
    expect((await call(server.url, 'GET', `/accounts/${SEED_ACCOUNT_ID}/conversations`)).status).toBe(401);
  });
});

describe('CORS', () => {
  const corsFields = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-')));

  it('answers a preflight from an allowed origin, before any token', async () => {
    const answer = await call(server.url, 'OPTIONS', `/accounts/${SEED_ACCOUNT_ID}/conversations`, {
      headers: { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(answer.status).toBe(204);
    expect(corsFields(answer.headers)).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': expect.stringContaining('Authorization'),
      'access-control-max-age': '600',
    });
  });

  it('lets an allowed origin read the Link, ETag and Location of every answer, and gives others nothing', async () => {
    for (const path of ['/', '/accounts', '/docs.jsonld', '/nowhere']) {
      const answer = await call(server.url, 'GET', path, { token: DEMO_TOKEN, headers: { origin: APP } });
      expect(corsFields(answer.headers), path).toEqual({ 'access-control-allow-origin': APP, 'access-control-expose-headers': 'Link, ETag, Location' });
      expect(answer.headers.get('vary'), path).toBe('Accept, Origin');
    }
    const other = await call(server.url, 'GET', '/accounts', { token: DEMO_TOKEN, headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(corsFields(other.headers)).toEqual({});
    const refused = await call(server.url, 'OPTIONS', '/accounts', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(refused.status).toBe(405);
    expect(corsFields(refused.headers)).toEqual({});
  });
});
