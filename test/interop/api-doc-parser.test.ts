/**
 * Interop (issue 15): `@api-platform/api-doc-parser`, which API Platform Admin and create-client
 * read APIs with, against the reference server over HTTP on an ephemeral loopback port. Given
 * only the entrypoint URL and the bearer token (as a header function), it must find the API
 * documentation through the Link header, expand it and the entrypoint with the published Hydra
 * context (served offline from the project's own copy), and return a resource for every
 * top-level collection the entrypoint links, with its fields, without error.
 *
 * @module
 */
import { parseHydraDocumentation, type Resource } from '@api-platform/api-doc-parser';
import type { AnyKind } from '@hyperld/core';
import { HYDRA_CONTEXT } from '@hyperld/hydra';
import { Account } from '@hyperld/textus';
import { DEMO_TOKEN } from '@hyperld/textus-server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useOfflineTextusServer } from '../helpers/offline-textus-server.js';
import { call } from '../helpers/textus-server.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const TEXTUS = 'https://api.textus.com/vocab#';

const suite = useOfflineTextusServer();

/** What api-doc-parser rejects with (a plain object), as an Error that says why. */
function reason(rejection: unknown): Error {
  const error = (rejection as { error?: unknown } | undefined)?.error ?? rejection;
  return error instanceof Error ? error : new Error(JSON.stringify(error));
}

/** One line per resource and field, for the closing note. */
function describeResources(resources: readonly Resource[]): string {
  return resources
    .map((resource) => {
      const fields = (resource.fields ?? []).map((f) => `    ${f.name}: ${f.range ?? '?'}${f.required ? ' (required)' : ''}${f.reference ? ' → link' : ''}`);
      return [`  ${resource.name} ${resource.url} (${resource.id}, "${resource.title ?? ''}")`, ...fields].join('\n');
    })
    .join('\n');
}

describe('api-doc-parser against the reference server', () => {
  let resources: Resource[];
  let status: number;
  const errors: unknown[] = [];

  beforeAll(async () => {
    // It reports an entrypoint link it cannot follow with console.error and goes on: count them.
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      errors.push(args);
    });
    try {
      const parsed = await parseHydraDocumentation(`${suite.server.url}/`, { headers: () => ({ authorization: `Bearer ${DEMO_TOKEN}` }) });
      status = parsed.status;
      resources = parsed.api.resources ?? [];
    } catch (rejection) {
      throw reason(rejection);
    } finally {
      spy.mockRestore();
    }
    console.log(`api-doc-parser returns ${resources.length} resources:\n${describeResources(resources)}`);
  });

  it('reads the entrypoint and the documentation its Link header names, offline, without error', async () => {
    expect(status).toBe(200);
    expect(errors).toEqual([]);
    expect(suite.network.refused).toEqual([]);
    expect(suite.network.served).toContain(HYDRA_CONTEXT);
    // The entrypoint, then the documentation its Link header names, both from the suite.server.
    const link = (await call(suite.server.url, 'GET', '/', { token: DEMO_TOKEN, accept: 'application/ld+json' })).headers.get('link') ?? '';
    const docs = /<([^>]+)>;\s*rel="http:\/\/www\.w3\.org\/ns\/hydra\/core#apiDocumentation"/.exec(link)?.[1];
    expect(docs, link).toBeDefined();
    expect(suite.network.passed.slice(0, 2)).toEqual([`GET ${suite.server.url}/`, `GET ${new URL(docs ?? '', suite.server.url).href}`]);
  });

  it('returns a resource for every top-level collection the entrypoint links', async () => {
    const entrypoint = await call(suite.server.url, 'GET', '/', { token: DEMO_TOKEN, accept: 'application/ld+json' });
    expect(entrypoint.status).toBe(200);
    // The entrypoint's links: every value that is an IRI, other than its own id.
    const linked = Object.entries(entrypoint.json)
      .filter(([key, value]) => !key.startsWith('@') && key !== 'id' && typeof value === 'string')
      .map(([, value]) => new URL(value as string, suite.server.url).href);
    expect(linked.length).toBeGreaterThan(0);
    expect(resources.map((r) => r.url).sort()).toEqual([...new Set(linked)].sort());
    expect(resources.map((r) => r.name)).toContain('accounts');
  });

  it('gives the accounts resource the fields of Account, with name, range and required from its definition', () => {
    // The entry point links the user's accounts; each account links its conversations and contacts.
    expect(resources.map((r) => r.name)).toEqual(['accounts']);
    const accounts = resources.find((r) => r.name === 'accounts') as Resource;
    expect(accounts).toMatchObject({ url: `${suite.server.url}/accounts`, id: `${TEXTUS}Account`, title: 'Account' });
    // One field per property of the definition (hydra:member's class, found through owl:equivalentClass) …
    const declared = Object.entries(Account.properties as Record<string, AnyKind>).filter(([, kind]) => kind.spec.tag !== 'id');
    expect((accounts.fields ?? []).map((f) => f.name).sort()).toEqual(declared.map(([key]) => key).sort());
    for (const [key, kind] of declared) {
      const field = accounts.fields?.find((f) => f.name === key);
      // … required exactly when the definition does not make it optional …
      expect(field?.required, key).toBe(!kind.isOptional);
      // … and a range wherever the definition names one (only a link with no target class has none).
      if (kind.spec.tag === 'link' && kind.spec.target === undefined) expect(field?.range ?? null, key).toBeNull();
      else expect(field?.range, key).toMatch(/^https?:\/\//);
    }
    const field = (name: string) => accounts.fields?.find((f) => f.name === name);
    expect(field('name')).toMatchObject({ id: `${TEXTUS}name`, range: `${XSD}string`, required: true });
    expect(field('slug')).toMatchObject({ range: `${XSD}string`, required: false });
    expect(field('multiUser')).toMatchObject({ range: `${XSD}boolean`, required: false });
    expect(field('contacts')).toMatchObject({ range: `${TEXTUS}ContactCollection`, required: false });
    expect(field('conversations')).toMatchObject({ range: `${TEXTUS}ConversationCollection`, required: false });
  });
});
