/**
 * The docs build without TypeDoc (too slow for a unit test; `pnpm run docs` runs it): the TextUs
 * API reference in the seed's shape with real, decodable example bodies, the guides, the home
 * page, and the site-wide rules (relative links that resolve, no inline script or style).
 *
 * @module
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { textusRegistry, textusRoutes } from '@hyperld/textus';
import { buildSite, type SiteReport } from './build.js';
import { relativeUrl, SECTIONS } from './html.js';
import { checkSiteLinks } from './link-check.js';
import { checkExample, ExampleError, safeName } from './textus-examples.js';
import { typePagePath } from './textus-reference.js';

let dir: string;
let report: SiteReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hyperld-docs-'));
  report = await buildSite(dir, { typedoc: false, explorer: false });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const page = (path: string): Promise<string> => readFile(join(dir, ...path.split('/')), 'utf8');

/** The text of the first `<pre class="…"><code>` block of a class, with the entities decoded. */
function block(html: string, cls: string): string | undefined {
  const match = new RegExp(`<pre class="${cls}"><code>([\\s\\S]*?)</code></pre>`).exec(html);
  return match?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function htmlFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

describe('the TextUs API reference', () => {
  it('documents GET /contacts/:contact/conversations in the seed’s shape, with a curl request carrying both headers', async () => {
    const html = await page('textus/endpoints/contactConversations.html');
    expect(html).toContain('<h1>Get Conversations</h1>');
    expect(html).toContain('GET</span>/contacts/:contact/conversations');
    expect(block(html, 'curl')).toBe(
      ['$ curl -i -H Accept:"application/vnd.textus+jsonld" \\', '-H Authorization:"Bearer {token}" \\', '-X GET /contacts/DQeeO69/conversations'].join('\n'),
    );
    expect(html).toMatch(/<dt>Status<\/dt><dd class="status">200<\/dd>/);
  });

  it('shows the reference server’s real answer as the example body, and it decodes and round-trips', async () => {
    const text = block(await page('textus/endpoints/contactConversations.html'), 'body');
    expect(text).toBeDefined();
    const body = textusRegistry.decode(text as string, { strict: true });
    expect(body['@type']).toBe('ConversationCollection');
    const collection = body as unknown as { members: Array<{ id: string; closeConversation: string | null }>; totalItems: number };
    // The seed's conversation comes first, with its action links computed from its state (open).
    expect(collection.members[0]).toMatchObject({ id: '/conversations/Pvwqm5G', closeConversation: '/conversations/Pvwqm5G/close' });
    expect(collection.totalItems).toBeGreaterThan(collection.members.length);
    expect(textusRegistry.encodeText(body, { space: 2 })).toBe(text);
  });

  it('has a page per route and per type, every example decoding to the type the route returns', async () => {
    for (const route of textusRoutes) {
      const html = await page(`textus/endpoints/${route.name}.html`);
      const text = block(html, 'body');
      if (route.returns === undefined) {
        expect(text, route.name).toBeUndefined();
        expect(html).toContain(`<dd class="status">${route.status}</dd>`);
      } else {
        expect(checkExample(route.name, text as string, { space: 2, expectedType: route.returns })).toBe(route.returns);
      }
    }
    for (const type of textusRegistry.types.keys()) expect(report.pages).toContain(typePagePath(type));
  });

  it('runs each action on a conversation that offered it: the answer shows the new state', async () => {
    const closed = textusRegistry.decode(block(await page('textus/endpoints/closeConversation.html'), 'body'), { strict: true }) as unknown as Record<string, unknown>;
    expect(closed).toMatchObject({ '@type': 'Conversation', currentState: 'closed', closeConversation: null });
    expect(closed['reopenConversation']).toBe(`${String(closed['id'])}/reopen`);
    const unblocked = textusRegistry.decode(block(await page('textus/endpoints/unblockConversation.html'), 'body'), { strict: true }) as unknown as Record<string, unknown>;
    expect(unblocked).toMatchObject({ blocked: false, unblockConversation: null });
    const retry = await page('textus/endpoints/retryMessage.html');
    expect(block(retry, 'curl')).toMatch(/-X POST \/messages\/[^/]+\/retry$/);
    expect(retry).toContain('<dd class="status">202</dd>');
  });

  it('documents each type’s properties and actions, the action’s availability taken from its description', async () => {
    const html = await page('textus/types/Conversation.html');
    expect(html).toContain('<td><code>closeConversation</code></td><td><span class="method method-put">PUT</span></td>');
    expect(html).toContain('/conversations/:conversation/close');
    expect(html).toContain('PUT to close; available when the conversation is open.');
    // Property, kind, range, required, readable, writable, nullable: timeline is an optional, non-null link.
    expect(html).toMatch(
      /<tr id="property-timeline"><td><code>timeline<\/code><a class="anchor" href="#property-timeline"[^>]*>#<\/a><\/td><td>link<\/td><td><a href="Timeline.html"><code>Timeline<\/code><\/a><\/td><td>no<\/td><td><span class="yes">yes<\/span><\/td><td><span class="yes">yes<\/span><\/td><td>no<\/td>/,
    );
    expect(html).toMatch(/<tr id="property-id"><td><code>id<\/code>.*?<\/td><td>the node IRI<\/td><td><span class="muted">any<\/span><\/td><td><span class="yes">yes<\/span><\/td><td><span class="yes">yes<\/span><\/td><td>no<\/td>/);
    expect(await page('textus/types/hydra-Collection.html')).toContain('<h1>hydra:Collection</h1>');
  });
});

describe('the site', () => {
  it('writes the home page, the guides and the reference', () => {
    expect(report.pages).toEqual(expect.arrayContaining(['index.html', 'textus/index.html', 'guides/index.html', 'guides/server.html', 'guides/client.html']));
    expect(report.typedocWarnings).toBeUndefined();
  });

  it('links only with relative URLs that resolve, and to no section it does not hold (no library reference, no explorer here)', async () => {
    expect(report.sections).toEqual([SECTIONS.textus, SECTIONS.guides]);
    const links = await checkSiteLinks(dir);
    expect(links.pages.length).toBe(report.pages.length);
    expect(links.external).toEqual([]);
    expect(links.broken).toEqual([]);
    const home = await page('index.html');
    expect(home).not.toContain('api/');
    expect(home).not.toContain('explorer/');
    expect(home).not.toContain('Library reference');
  });

  it('has no inline script or inline style (the CSP forbids them)', async () => {
    for (const file of await htmlFiles(dir)) {
      const html = await readFile(file, 'utf8');
      expect(html, file).not.toMatch(/<script(?![^>]*\ssrc=)|<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('renders each guide’s source as it is, with the output of a real run', async () => {
    const html = await page('guides/server.html');
    expect(block(html, 'source')).toBe(await readFile(new URL('../guides/server.ts', import.meta.url), 'utf8'));
    expect(block(html, 'output')).toContain('GET /books → 200');
  });
});

describe('checkExample', () => {
  it('fails naming the page when a body does not decode', () => {
    expect(() => checkExample('textus/endpoints/account.html', '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/a"}')).toThrow(ExampleError);
    expect(() => checkExample('textus/endpoints/account.html', '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/a"}')).toThrow(
      /^textus\/endpoints\/account\.html: the example body does not decode with textusRegistry \(strict\): .*name/s,
    );
  });

  it('fails naming the page when a body decodes but does not round-trip to the same text', () => {
    const spaced = '{"@type": "Account","@context":"/contexts/Account.jsonld","id":"/accounts/a","name":"A"}';
    expect(() => checkExample('textus/endpoints/account.html', spaced)).toThrowErrorMatchingInlineSnapshot(`[ExampleError: textus/endpoints/account.html: the example body does not round-trip: encodeText(decode(text)) differs from the text at offset 9 (" \\"Account\\",\\"@context\\":\\"/contexts/Account" became "\\"Account\\",\\"@context\\":\\"/contexts/Account.")]`);
  });

  it('fails naming the page when the body is not the type the route returns', () => {
    const account = '{"@type":"Account","@context":"/contexts/Account.jsonld","id":"/accounts/a","name":"A"}';
    expect(checkExample('p.html', account)).toBe('Account');
    expect(() => checkExample('p.html', account, { expectedType: 'Contact' })).toThrow('p.html: the example body is a Account, but the route says it returns Contact');
  });
});

describe('file names and links', () => {
  it('safeName keeps only characters that are safe in a relative URL, and is the identity on plain names', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const safe = safeName(name);
        expect(safe).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(safe.length).toBe(name.length);
        if (/^[A-Za-z0-9_-]*$/.test(name)) expect(safe).toBe(name);
      }),
      { numRuns: 1000 },
    );
  });

  it('relativeUrl leads from any page to any path of the site', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('/')}.html`);
    fc.assert(
      fc.property(path, path, (from, to) => {
        const url = relativeUrl(from, to);
        expect(url).not.toMatch(/^\//);
        expect(relative('/site', resolve('/site', dirname(from), url)).split(sep).join('/')).toBe(to);
      }),
      { numRuns: 1000 },
    );
  });
});
