/**
 * The TextUs API reference: one instance of `@hyperld/apidocs`, built in process from
 * `textusRegistry` (one page per type: each property's kind, range, required, readable, writable,
 * nullable and description; each action's method, URL pattern, what it returns) and `textusRoutes`
 * (one page per route, in the shape of the TextUs reference the seed comes from: title, method
 * and path, what it does, a `curl` request, the status and an example body). The example bodies
 * come from {@link collectTextusExamples}: the real reference server's answers.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AnyTypeDef } from '@hyperld/core';
import { extendsType } from '@hyperld/core';
import { referenceFromRegistry, renderReference, slugOf, type ApiReference, type EndpointReference } from '@hyperld/apidocs';
import { CONVERSATION_ACTIONS, Conversation, TEXTUS_MEDIA_TYPE, textusRegistry, textusRoutes } from '@hyperld/textus';
import { writePage, type Site } from './html.js';
import { collectTextusExamples, type EndpointExample } from './textus-examples.js';

/** Where the reference lives in the site. */
const ROOT = 'textus/';

/**
 * The page of a type, from the site root.
 *
 * @param type - the `@type` term.
 * @returns `textus/types/<safe term>.html`.
 * @example
 * ```ts
 * import { typePagePath } from './textus-reference.js';
 * typePagePath('hydra:Collection'); // 'textus/types/hydra-Collection.html'
 * ```
 */
export function typePagePath(type: string): string {
  return `${ROOT}types/${slugOf(type)}.html`;
}

/**
 * A route's template as the TextUs reference writes it: `{contact}` becomes `:contact`.
 *
 * @param template - the RFC 6570 path template.
 * @returns the path with `:name` parameters.
 * @example
 * ```ts
 * import { colonPath } from './textus-reference.js';
 * colonPath('/contacts/{contact}/conversations'); // '/contacts/:contact/conversations'
 * ```
 */
export function colonPath(template: string): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** Where an action is sent: its route, or the conversation action table for actions with no route. */
function actionTarget(def: AnyTypeDef, name: string): { readonly target: string; readonly endpoint?: string } | undefined {
  const route = textusRoutes.find((r) => r.action === name);
  if (route) return { target: colonPath(route.template), endpoint: route.name };
  if (Object.hasOwn(CONVERSATION_ACTIONS, name) && extendsType(def, Conversation)) {
    return { target: colonPath(`/conversations/{conversation}/${CONVERSATION_ACTIONS[name as keyof typeof CONVERSATION_ACTIONS].segment}`) };
  }
  return undefined;
}

/** A route and its example as an endpoint of the reference. */
function endpointOf(example: EndpointExample): EndpointReference {
  const { route } = example;
  const iriOf = (term: string): string => textusRegistry.types.get(term)?.iri ?? term;
  return {
    name: route.name,
    title: route.title,
    method: route.method,
    template: colonPath(route.template),
    description: route.description,
    ...(route.returns !== undefined ? { returns: iriOf(route.returns) } : {}),
    status: route.status,
    operations: [],
    searches: [],
    example: {
      request: { method: example.request.method, url: example.request.path },
      note: example.note,
      status: example.status,
      contentType: example.contentType ?? TEXTUS_MEDIA_TYPE,
      ...(example.body !== undefined ? { body: example.body } : {}),
      ...(example.type !== undefined ? { type: iriOf(example.type) } : {}),
    },
  };
}

/**
 * The TextUs reference's model: the registry's types and the routes with their real examples.
 *
 * @returns the reference `buildTextusReference` renders.
 * @throws {@link ExampleError} naming the page whose example does not decode or round-trip.
 * @example
 * ```ts
 * import { textusReference } from './textus-reference.js';
 * const reference = await textusReference();
 * reference.endpoints.length > 0; // true
 * ```
 */
export async function textusReference(): Promise<ApiReference> {
  const examples = await collectTextusExamples();
  return referenceFromRegistry(textusRegistry, {
    title: 'TextUs API reference',
    description:
      'The TextUs conversation API as the hyperld reference server serves it. Every example body on these pages is the reference server’s real answer over its seed data, checked to decode with `textusRegistry` and to re-encode to the same text. Paths are relative to the API root; collections are paged with `per_page` and the `next`/`previous` links of their `view`.',
    headers: { Accept: TEXTUS_MEDIA_TYPE, Authorization: 'Bearer {token}' },
    endpoints: [...examples.values()].map(endpointOf),
    actionTarget,
    describe: (_def, _key, kind) => (kind.spec.tag === 'id' ? 'The node’s IRI (in TextUs documents, relative to the API root).' : undefined),
  });
}

/**
 * Builds the TextUs API reference under the site root: `textus/index.html`,
 * `textus/endpoints/<route>.html`, `textus/types/<type>.html`, and the reference's search index,
 * search script and stylesheet.
 *
 * @param site - the site root on disk and the sections it holds.
 * @returns the pages written, from the site root.
 * @throws {@link ExampleError} naming the page whose example does not decode or round-trip.
 * @example
 * ```ts
 * import { SECTIONS } from './html.js';
 * import { buildTextusReference } from './textus-reference.js';
 * const pages = await buildTextusReference({ root: '/tmp/site', sections: [SECTIONS.textus] });
 * ```
 */
export async function buildTextusReference(site: Site): Promise<string[]> {
  const rendered = renderReference(await textusReference(), { root: ROOT, home: 'index.html' });
  const seen = new Set<string>();
  for (const page of rendered.pages) {
    if (seen.has(page.path.toLowerCase())) throw new Error(`${page.path}: two pages of the TextUs reference would share this file`);
    seen.add(page.path.toLowerCase());
  }
  for (const asset of rendered.assets) {
    const file = join(site.root, ...asset.path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, asset.text);
  }
  const written: string[] = [];
  for (const page of rendered.pages) written.push(await writePage(site, page));
  return written;
}
