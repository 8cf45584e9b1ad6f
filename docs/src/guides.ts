/**
 * The guides: each is a complete program in `docs/guides/` whose source the page shows as it is,
 * with a short introduction and the output of running it during the build. The same programs
 * run in `guides.test.ts`, so a guide that stops working fails the tests, not the reader.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { main as clientMain } from '../guides/client.js';
import { main as performanceMain, peerChart } from '../guides/performance.js';
import { main as serverMain } from '../guides/server.js';
import { main as typedClientMain } from '../guides/typed-client.js';
import { escapeAttr, escapeHtml, relativeUrl, writePage, type Page, type Site } from './html.js';

/**
 * A guide: its program and how the page introduces it.
 *
 * @example
 * ```ts
 * import { guides } from './guides.js';
 * guides.map((g) => g.slug); // ['server', 'client', 'typed-client', 'performance']
 * ```
 */
export interface Guide {
  /** The page's file name without `.html`, and the program's (`docs/guides/<slug>.ts`). */
  readonly slug: string;
  /** The page title. */
  readonly title: string;
  /** One sentence for the index. */
  readonly summary: string;
  /** The introduction, as HTML paragraphs. */
  readonly intro: string;
  /** Runs the program, printing through `log`. */
  readonly run: (log: (line: string) => void) => Promise<unknown>;
}

/**
 * The guides, in reading order.
 *
 * @example
 * ```ts
 * import { guides } from './guides.js';
 * guides[0]?.title;
 * ```
 */
export const guides: readonly Guide[] = [
  {
    slug: 'server',
    title: 'Getting started: serving a hypermedia API',
    summary: 'Define a vocabulary, a collection and an action, serve them with createHydraHandler, fetch the result once.',
    intro: `<p>This program is a whole API in one file. It defines a small vocabulary with <code>@hyperld/core</code>
(<code>vocabulary</code> and the property kinds of <code>t</code>), a collection type that extends Hydra’s
<code>Collection</code>, and an action made with <code>action()</code>: a link property whose value is the URL to
send the request to, or <code>null</code> while the action is not available. <code>createHydraHandler</code> turns
the routes into a handler whose <code>fetch</code> is a Web-standard <code>(Request) =&gt; Promise&lt;Response&gt;</code>
function (content negotiation, generated contexts, ETags, Hydra error bodies) and <code>serveNode</code> serves it on
an ephemeral port.</p>
<p>The program then fetches <code>/books</code> once, decodes the page with the registry (which validates it and types
it), prints each book with the actions it offers, and stops.</p>`,
    run: serverMain,
  },
  {
    slug: 'client',
    title: 'Getting started: a typed hypermedia client',
    summary: 'Start the TextUs reference server, page through a contact’s conversations, follow a timeline, invoke an action.',
    intro: `<p>This program starts the TextUs reference server in memory on an ephemeral port, then talks to it only
through the typed client of <code>@hyperld/textus/client</code>. It knows one URL, the entry point; everything else
is a link the server sent: it pages through the conversations of contact <code>DQeeO69</code> with
<code>client.pages</code> (following <code>view.next</code>), follows the first open conversation’s
<code>timeline</code> with <code>client.follow</code>, and closes it with <code>client.invoke</code>, which it may do
only because the server offered a <code>closeConversation</code> link rather than <code>null</code>.</p>
<p>Every answer is decoded and validated with the TextUs vocabulary, so <code>conversation.currentState</code>,
<code>messages.totalItems</code> and the action links are typed without a cast.</p>`,
    run: clientMain,
  },
  {
    slug: 'typed-client',
    title: 'A typed client for an API you did not write',
    summary: 'Generate hyperld definitions from a live Hydra API’s documentation, then page through it and invoke an operation with a typed client.',
    intro: `<p>The API here is not hyperld’s: it is the test suite’s fixture in the shape API Platform 3.x serves
(<code>hydra:</code>-prefixed terms, contexts at <code>/contexts/Book</code>, an API documentation at
<code>/docs.jsonld</code> linked from every answer). The program starts it on an ephemeral port and runs the
generator on its entry point, as <code>hyperld generate &lt;URL&gt; -o library-api.ts</code> does: the generator
follows the <code>Link</code> header to the documentation and writes one module, a <code>vocabulary().type(...)</code>
definition per class (<code>Book</code>, <code>Author</code>…), with the documentation’s titles and descriptions as
comments, a <code>registry</code>, the context URLs the API uses and the list of <code>types</code>.</p>
<p>That module is an ordinary TypeScript module: <code>createClient({ registry })</code> decodes and validates every
answer with it, so the books paged through are <code>Book</code> nodes whose <code>title</code> is a
<code>string</code> and whose <code>year</code> is a <code>number | undefined</code>, with no cast and no interface
written by hand. The <code>PUT</code> the documentation gives the <code>Book</code> class is found with
<code>client.operations</code> and invoked with <code>client.invoke</code>.</p>
<p>In a project of yours, the generated file sits beside your code and is imported like any other. Here the API’s
port changes on every run, so the program writes the module to a git-ignored folder and imports it at run time; its
types come from <code>docs/guides/library-api.ts</code>, the same module with the origin written as
<code>https://localhost</code>, which the test suite regenerates and compares on every run.</p>`,
    run: typedClientMain,
  },
  {
    slug: 'performance',
    title: 'Performance: hyperld against the tools you would pick instead',
    summary: 'One loopback page of 100 and 1000 conversations read by fetch + JSON.parse, hyperld, Ketting, jsonld.js and Alcaeus, in one run.',
    intro: `<p>How long each client takes to read one seed-shaped TextUs collection page over loopback, relative to
<code>fetch</code> + <code>JSON.parse</code> of the same page, measured by <code>pnpm bench:peers</code> in one process:
rounds interleaved, a forced garbage collection before each subject, medians. Every peer gets its contexts from
memory; nothing touches the network. hyperld's typed client validates every member against the TextUs vocabulary;
Ketting reads plain JSON; <code>jsonld.expand</code> and Alcaeus do the JSON-LD processing a generic client needs.</p>
<figure class="chart">${peerChart()}</figure>
<p>The chart and the table below are those of the last committed run (the machine, Node version and date are in
them); <code>pnpm bench:peers --svg docs/guides/performance.svg --out docs/guides/performance.json</code> measures again.</p>
<p>On Node, the client's <code>fetch</code> option takes <code>nodeFetch()</code> from <code>@hyperld/hydra/node</code>
(undici's <code>request</code>, no WHATWG stream): that is the <em>node transport</em> row. Browsers keep the platform's
<code>fetch</code>.</p>
<p>The bundle sizes are those of a page's first chunk. What the client needs only for some calls it loads by
<code>await import()</code> on first use: the context store (for contexts it has to fetch), the API documentation
reader with the operations it lists (<code>@hyperld/hydra/discovery</code>), search and IRI templates
(<code>@hyperld/hydra/search</code>) and the JSON-LD expander (<code>@hyperld/core/expand</code>). Those are entries of
their own, which no package index re-exports, so that esbuild leaves them out of the first chunk as Rollup (and so
Vite) does; import them directly only where a page uses them. <code>pnpm size</code> measures both bundlers.</p>`,
    run: performanceMain,
  },
];

const PORTS = /(http:\/\/127\.0\.0\.1:)\d+/g;

function guidePage(guide: Guide, source: string, output: readonly string[]): Page {
  const path = `guides/${guide.slug}.html`;
  const body = `
<p class="muted"><a href="${escapeAttr(relativeUrl(path, 'guides/index.html'))}">Guides</a></p>
<h1>${escapeHtml(guide.title)}</h1>
${guide.intro}
<h2>Run it</h2>
<pre><code>npx tsx --conditions=@hyperld/source docs/guides/${escapeHtml(guide.slug)}.ts</code></pre>
<p>It prints (from the run made while building this page; the port changes every time):</p>
<pre class="output"><code>${escapeHtml(output.join('\n').replace(PORTS, '$1<port>'))}</code></pre>
<h2>The program</h2>
<p class="muted"><code>docs/guides/${escapeHtml(guide.slug)}.ts</code>, as it is in the repository.</p>
<pre class="source"><code>${escapeHtml(source)}</code></pre>`;
  return { path, title: guide.title, description: guide.summary, body };
}

function indexPage(): Page {
  const path = 'guides/index.html';
  const items = guides
    .map((g) => `<li><a href="${escapeAttr(relativeUrl(path, `guides/${g.slug}.html`))}">${escapeHtml(g.title)}</a><p>${escapeHtml(g.summary)}</p></li>`)
    .join('\n');
  const body = `
<h1>Guides</h1>
<p class="lead">Complete programs, for each side of a hypermedia API, and for an API you did not write. All run in the test suite, so what you read here works.</p>
<ul class="cards">
${items}
</ul>`;
  return { path, title: 'Guides', description: 'Getting started with hyperld, as a server builder and as a client builder.', body };
}

/**
 * Runs each guide and writes `guides/index.html` and `guides/<slug>.html` under the site root.
 *
 * @param site - the site root on disk and the sections it holds.
 * @returns the pages written, from the site root.
 * @throws whatever a guide throws: a guide that does not run fails the build.
 * @example
 * ```ts
 * import { buildGuides } from './guides.js';
 * import { SECTIONS } from './html.js';
 * await buildGuides({ root: '/tmp/site', sections: [SECTIONS.guides] }); // ['guides/index.html', 'guides/server.html', 'guides/client.html', 'guides/typed-client.html', 'guides/performance.html']
 * ```
 */
export async function buildGuides(site: Site): Promise<string[]> {
  const written = [await writePage(site, indexPage())];
  for (const guide of guides) {
    const source = await readFile(fileURLToPath(new URL(`../guides/${guide.slug}.ts`, import.meta.url)), 'utf8');
    const output: string[] = [];
    try {
      await guide.run((line) => output.push(line));
    } catch (error) {
      throw new Error(`guides/${guide.slug}.html: the guide docs/guides/${guide.slug}.ts failed to run`, { cause: error });
    }
    written.push(await writePage(site, guidePage(guide, source, output)));
  }
  return written;
}
