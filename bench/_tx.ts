import { createServer, request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as undiciRequest } from '../packages/hydra/node_modules/undici/index.js';
import { collectionPage } from './seed-page.js';
const body = Buffer.from(JSON.stringify(collectionPage(1000)));
const server = createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/ld+json', 'content-length': body.length }).end(body); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
const agent = new Agent({ keepAlive: true });
const variants: Record<string, () => Promise<unknown>> = {
  fetchText: async () => JSON.parse(await (await fetch(url)).text()),
  fetchReader: async () => { const r = await fetch(url); const rd = r.body!.getReader(); const d = new TextDecoder(); const parts: string[] = []; for (;;) { const { done, value } = await rd.read(); if (done) break; parts.push(d.decode(value, { stream: true })); } parts.push(d.decode()); return JSON.parse(parts.join('')); },
  fetchBuf: async () => JSON.parse(Buffer.from(await (await fetch(url)).arrayBuffer()).toString('utf8')),
  undici: async () => { const r = await undiciRequest(url); return JSON.parse(await r.body.text()); },
  undiciChunks: async () => { const r = await undiciRequest(url); const parts: Buffer[] = []; for await (const c of r.body) parts.push(c as Buffer); return JSON.parse(Buffer.concat(parts).toString('utf8')); },
  nodeHttp: () => new Promise((resolve, reject) => { httpRequest(url, { agent }, (res) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')))); res.on('error', reject); }).on('error', reject).end(); }),
  parseOnly: async () => JSON.parse(body.toString('utf8')),
};
const names = Object.keys(variants);
const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (const n of names) for (let i = 0; i < 30; i++) await variants[n]!();
for (let round = 0; round < 15; round++) for (const n of names) { const t = performance.now(); for (let i = 0; i < 10; i++) await variants[n]!(); times[n]!.push((performance.now() - t) / 10); }
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
for (const n of names) console.log(n.padEnd(14), med(times[n]!).toFixed(2));
server.closeAllConnections(); server.close(); agent.destroy(); process.exit(0);
