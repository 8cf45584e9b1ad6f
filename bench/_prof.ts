import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConversationCollection, TEXTUS_MEDIA_TYPE } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';
import { collectionPage } from './seed-page.js';
const TOKEN = 'u_bench.token';
const body = Buffer.from(JSON.stringify(collectionPage(1000)));
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': TEXTUS_MEDIA_TYPE, 'content-length': body.length }).end(body); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = textus({ baseUrl: origin, token: TOKEN, cache: false });
const url = `${origin}/contacts/DQeeO69/conversations?per_page=1000`;
const mode = process.argv[2];
const t0 = performance.now();
for (let i = 0; i < 300; i++) {
  if (mode === 'fetch') JSON.parse(await (await fetch(url)).text());
  else await client.getAs(ConversationCollection, url);
}
console.log(mode, (performance.now() - t0) / 300);
server.close(); server.closeAllConnections();
