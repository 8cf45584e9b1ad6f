/**
 * The hypermedia client against the platform, over real HTTP on loopback: a local `node:http`
 * server serves a TextUs `ConversationCollection` page of N seed-shaped conversations
 * (N = 100 and 1000, distinct ids, built as the codec bench builds its pages), and one process
 * times
 * - subject: `client.getAs(ConversationCollection, url)` (the TextUs client, cache off, so that
 *   every call is a full request: headers, credentials, timeout signal, typed decode), on the
 *   platform's `fetch`, and on the opt-in Node transport of `@hyperld/hydra/node` (undici's
 *   `request`, read without a WHATWG stream);
 * - baseline: `fetch(url)` with the same headers, then `JSON.parse(await response.text())`.
 *
 * Target at N = 1000: ≤ 1.1x (issue 19), for both. Samples last 200 ms and each follows a
 * forced GC, as in `bench:peers` (so the script runs under `node --expose-gc`); `--min-sample MS`
 * changes the length. Each case runs in a process of its own (the script again, with
 * `--case NAME`), so that the fetch case's type feedback does not slow the Node transport's
 * (`--no-isolate` runs them all in this one).
 *
 *   pnpm bench:client [--json] [--samples N] [--min-sample MS] [--filter TEXT] [--case NAME] [--no-isolate]
 *
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConversationCollection, TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';
import { nodeFetch } from '@hyperld/hydra/node';
import { runBench, type Case } from './harness.js';
import { collectionPage } from './seed-page.js';

const TOKEN = 'u_bench.token';
const SIZES = [100, 1000] as const;

/** The page bodies, encoded once: the server's own cost is the same for both sides. */
const bodies = new Map<string, Buffer>(SIZES.map((n) => [`/contacts/DQeeO69/conversations?per_page=${n}`, Buffer.from(JSON.stringify(collectionPage(n)))]));

const server = createServer((req, res) => {
  const body = bodies.get(req.url ?? '');
  if (body === undefined || req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"Not Found","status":404}');
    return;
  }
  res.writeHead(200, { 'content-type': TEXTUS_MEDIA_TYPE, 'content-length': body.length }).end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = textus({ baseUrl: origin, token: TOKEN, cache: false });
const nodeClient = textus({ baseUrl: origin, token: TOKEN, cache: false, fetch: nodeFetch() });
/** What the client sends, so that the baseline asks for the same thing the same way. */
const headers = { accept: `${TEXTUS_MEDIA_TYPE}, application/ld+json;q=0.9, application/json;q=0.8`, authorization: `Bearer ${TOKEN}` };

const cases: Case[] = [];
for (const n of SIZES) {
  const url = `${origin}/contacts/DQeeO69/conversations?per_page=${n}`;
  /** A check, before timing, that the client decodes the whole page (each case checks its own client only). */
  const check = (on: typeof client, label: string) => async () => {
    const page = await on.getAs(ConversationCollection, url);
    if (page.members.length !== n) throw new Error(`bench: the client${label} decoded ${page.members.length} members, not ${n}`);
    process.stderr.write(`page N=${n}: ${((bodies.get(new URL(url).pathname + new URL(url).search)?.length ?? 0) / 1024).toFixed(0)} KiB of JSON\n`);
  };
  const baseline = {
    name: 'fetch + JSON.parse',
    run: async () => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`bench: ${response.status}`);
      return JSON.parse(await response.text()) as unknown;
    },
  };
  cases.push({
    name: `getAs N=${n}`,
    ...(n === 1000 ? { target: 1.1 } : {}),
    setup: check(client, ''),
    subject: { name: 'client.getAs', run: () => client.getAs(ConversationCollection, url) },
    baseline,
  });
  cases.push({
    name: `getAs nodeFetch N=${n}`,
    ...(n === 1000 ? { target: 1.1 } : {}),
    setup: check(nodeClient, ' on nodeFetch'),
    subject: { name: 'client.getAs on nodeFetch', run: () => nodeClient.getAs(ConversationCollection, url) },
    baseline,
  });
}

try {
  // As bench:peers measures: samples of 200 ms, each after a forced GC, so that each side pays for
  // its own garbage and not for what the other left (the client allocates its nodes' metadata).
  // Each case in a process of its own: an application uses one transport, and the client's code
  // run on both in one process is slower on the second (its call sites see two kinds of answers).
  await runBench(cases, process.argv.slice(2), { gc: true, minSampleMs: 200, isolate: true });
} finally {
  server.closeAllConnections();
  server.close();
}
