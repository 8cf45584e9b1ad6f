// Smoke test of the README's start command, in this clone, as a new user runs it: takes the
// command from the README's "Two commands" block (`bash scripts/start.sh`), runs it on a free
// port with a throwaway database, waits for what it prints (base URL, demo token, curl, the URLs
// of the docs site, library reference and explorer), then checks:
//   1. the seed endpoint, with the printed curl's URL and headers: 200, a ConversationCollection
//      of 25 members with totalItems and a view whose next page is a link;
//   2. the docs home page: 200 HTML linking the library reference and the explorer, to a browser;
//      and, to a JSON-LD client, the API's entrypoint with the Link to its documentation;
//   3. the library reference: its index, and the first module page it links to;
//   4. the explorer: its page, its bundle and its config (the printed demo token);
//   5. SIGINT to the command's process (bash, exec'd into `pnpm start`) stops it: exit 0 within
//      10 s, no process of its group left, the port free again, the database where TEXTUS_DB said.
// Every wait is bounded; on failure or timeout the whole process group is killed, so CI never
// hangs. Exit status 0 when every check passed.
//
//   node scripts/smoke-start.mjs        (SMOKE_START_TIMEOUT: seconds to wait for the start, default 420)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// The start runs setup, a full build and the docs build (TypeDoc) first: about 75 s on an idle
// 2-core machine, several times that on a busy one.
const START_TIMEOUT_MS = Number(process.env.SMOKE_START_TIMEOUT ?? 420) * 1000;
const STOP_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const SEED_PATH = '/contacts/DQeeO69/conversations';

const log = (message) => console.log(`[smoke] ${message}`);
const failures = [];
const check = (ok, message) => {
  if (ok) log(`ok   ${message}`);
  else {
    log(`FAIL ${message}`);
    failures.push(message);
  }
  return ok;
};
class SmokeError extends Error {}
const fail = (message) => {
  throw new SmokeError(message);
};

/** The README's start command: the `scripts/start.sh` line of its first `sh` block, comment removed. */
function readmeStartCommand() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? fail('README.md has no ```sh block (the "Two commands")');
  const line = block.split('\n').find((l) => l.includes('scripts/start.sh')) ?? fail('the README\'s first sh block has no scripts/start.sh line');
  const command = line.replace(/\s+#.*$/, '').trim();
  // Run as the README writes it, without a shell in between: only plain words are understood.
  if (!/^[\w./-]+( [\w./-]+)*$/.test(command)) fail(`the README's start command \`${command}\` is more than plain words; teach scripts/smoke-start.mjs to run it`);
  return command;
}

/** A loopback port nobody listens on now (the kernel's pick, released again). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether the port can be listened on again. */
function portIsFree(port) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/** Whether any process of the group is left. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code !== 'ESRCH';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function get(url, headers = {}) {
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', link: response.headers.get('link') ?? '', body };
}

const isHtml = (r) => r.status === 200 && r.type.startsWith('text/html');

async function main() {
  const started = performance.now();
  const command = readmeStartCommand();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'hyperld-smoke-'));
  const db = join(dataDir, 'textus.db');
  const [file, ...args] = command.split(' ');
  log(`running the README's start command \`${command}\` in ${root} with PORT=${port} TEXTUS_DB=${db}`);
  // Its own process group, so that a timeout can end the whole tree (pnpm, tsx, node).
  const child = spawn(file, args, { cwd: root, env: { ...process.env, PORT: String(port), TEXTUS_DB: db }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited;
  const exit = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit(exited);
    });
    child.once('error', (error) => {
      exited = { code: null, signal: null };
      log(`could not run \`${command}\`: ${error.message}`);
      resolveExit(exited);
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      const at = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
      for (const line of lines) console.log(`  start.sh ${at}s | ${line}`);
    });
    stream.on('end', () => {
      if (partial !== '') console.log(`  start.sh       | ${partial}`);
    });
  }
  // Also after the command's own process has exited: a child it left would keep the port.
  const killAll = () => {
    if (!groupAlive(child.pid)) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
  const onSignal = (signal) => {
    log(`${signal}: killing the start command`);
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // 1. What the command prints once the server is up.
    const wanted = {
      url: /listening on (http:\/\/\S+)/,
      token: /Demo token: (\S+)/,
      curl: /curl -i -H '([^']+)' -H '([^']+)' (\S+)/,
      home: /Docs site:\s+(http:\/\/\S+)/,
      reference: /Library reference:\s+(http:\/\/\S+)/,
      explorer: /Explorer:\s+(http:\/\/\S+)/,
    };
    let deadline = Date.now() + START_TIMEOUT_MS;
    const found = () => Object.fromEntries(Object.entries(wanted).map(([k, re]) => [k, re.exec(output)]));
    const missing = (printed) => Object.keys(printed).filter((k) => !printed[k]).join(', ');
    let printed = found();
    let up = false;
    while (Object.values(printed).some((m) => m === null)) {
      if (exited) fail(`the start command exited (code ${exited.code}, signal ${exited.signal}) before printing ${missing(printed)}`);
      if (Date.now() > deadline) fail(`the start command printed no ${missing(printed)} within ${up ? '5 s of the server\'s own lines' : `${START_TIMEOUT_MS / 1000} s`}`);
      // The site's URLs follow the server's lines at once: do not wait minutes for a missing one.
      if (!up && printed.curl) {
        up = true;
        deadline = Math.min(deadline, Date.now() + 5000);
      }
      await sleep(200);
      printed = found();
    }
    const startSeconds = ((performance.now() - started) / 1000).toFixed(1);
    const base = printed.url[1];
    const token = printed.token[1];
    log(`the server is up at ${base} after ${startSeconds} s (setup, build, docs, start)`);
    check(base === `http://127.0.0.1:${port}`, `it listens on the port given in PORT (${base})`);

    // 2. The seed endpoint, as the printed curl asks for it.
    const [, accept, authorization, seedUrl] = printed.curl;
    check(new URL(seedUrl).pathname === SEED_PATH && authorization === `Authorization: Bearer ${token}`, `the printed curl asks for ${SEED_PATH} with the printed token`);
    const header = (h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim()];
    const seed = await get(seedUrl, Object.fromEntries([header(accept), header(authorization)]));
    if (check(seed.status === 200, `GET ${SEED_PATH} → ${seed.status} ${seed.type}`)) {
      let page;
      try {
        page = JSON.parse(seed.body);
      } catch {
        page = {};
      }
      check(page['@type'] === 'ConversationCollection', `  @type is ConversationCollection (${JSON.stringify(page['@type'])})`);
      check(Array.isArray(page.members) && page.members.length === 25, `  25 members (${Array.isArray(page.members) ? page.members.length : 'none'})`);
      check(Number.isInteger(page.totalItems) && page.totalItems > 25, `  totalItems beyond the page (${page.totalItems})`);
      check(typeof page.view?.next === 'string' && page.view.next.startsWith(SEED_PATH), `  a view with a next page (${page.view?.next})`);
    }

    // 3. The docs home page, as a browser asks for it; `/` is also the API's entrypoint, for JSON-LD.
    const home = await get(printed.home[1], { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    if (check(isHtml(home), `GET ${new URL(printed.home[1]).pathname} (a browser) → ${home.status} ${home.type}`)) {
      check(home.body.includes('<h1>hyperld</h1>') && home.body.includes('href="api/index.html"') && home.body.includes('href="explorer/index.html"'), '  the docs home links the library reference and the explorer');
    }
    const entrypoint = await get(printed.home[1], { accept: 'application/ld+json' });
    if (check(entrypoint.status === 200 && entrypoint.type.startsWith('application/ld+json'), `GET ${new URL(printed.home[1]).pathname} (JSON-LD) → ${entrypoint.status} ${entrypoint.type}`)) {
      check(entrypoint.body.includes('"EntryPoint"'), '  the entrypoint, typed EntryPoint');
      check(entrypoint.link.includes('rel="http://www.w3.org/ns/hydra/core#apiDocumentation"'), `  a Link to the API documentation (${entrypoint.link})`);
    }

    // 4. The library reference and one of its module pages.
    const reference = await get(printed.reference[1]);
    if (check(isHtml(reference), `GET ${new URL(printed.reference[1]).pathname} → ${reference.status} ${reference.type}`)) {
      const module = /href="(modules\/[^"#]+\.html)"/.exec(reference.body)?.[1];
      if (check(module !== undefined, `  the library reference links module pages (${module})`)) {
        const modulePage = await get(new URL(module, printed.reference[1]).href);
        check(isHtml(modulePage) && modulePage.body.includes('@hyperld/'), `GET /api/${module} → ${modulePage.status} ${modulePage.type}`);
      }
    }

    // 5. The explorer: page, bundle, config.
    const explorer = await get(printed.explorer[1]);
    if (check(isHtml(explorer), `GET ${new URL(printed.explorer[1]).pathname} → ${explorer.status} ${explorer.type}`)) {
      const bundle = await get(new URL('explorer.js', printed.explorer[1]).href);
      check(bundle.status === 200 && bundle.type.startsWith('text/javascript') && bundle.body.length > 1000, `GET /explorer/explorer.js → ${bundle.status} ${bundle.type}, ${bundle.body.length} bytes`);
      const config = await get(new URL('config.json', printed.explorer[1]).href);
      let token2;
      try {
        token2 = JSON.parse(config.body).token;
      } catch {}
      check(config.status === 200 && token2 === token, `GET /explorer/config.json → ${config.status}, the demo token`);
    }

    // 6. SIGINT to the command's own process: the signal travels pnpm → tsx → node.
    const stopAt = performance.now();
    log(`SIGINT to the start command (pid ${child.pid})`);
    process.kill(child.pid, 'SIGINT');
    let timer;
    const stopped = await Promise.race([exit, new Promise((r) => (timer = setTimeout(r, STOP_TIMEOUT_MS)))]);
    clearTimeout(timer); // a pending timer would keep this process alive for the rest of the 10 s
    const stopMs = Math.round(performance.now() - stopAt);
    if (!check(stopped !== undefined, `it exits within ${STOP_TIMEOUT_MS / 1000} s of SIGINT (${stopped ? `${stopMs} ms` : 'still running'})`)) return;
    check(stopped.code === 0 && stopped.signal === null, `  with exit status 0 (code ${stopped.code}, signal ${stopped.signal})`);
    // The group's other processes (tsx, node) may take a moment after pnpm itself.
    const left = Date.now() + 3000;
    while (groupAlive(child.pid) && Date.now() < left) await sleep(100);
    check(!groupAlive(child.pid), '  no process of its group is left');
    check(await portIsFree(port), `  port ${port} is free again`);
    check(existsSync(db), `  the store was created at TEXTUS_DB (${db})`);
  } finally {
    killAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(dataDir, { recursive: true, force: true });
  }
  return ((performance.now() - started) / 1000).toFixed(1);
}

try {
  const seconds = await main();
  if (failures.length > 0) {
    log(`${failures.length} check(s) failed: ${failures.join('; ')}`);
    process.exitCode = 1;
  } else {
    log(`the README's start command passed every check (${seconds} s)`);
  }
} catch (error) {
  log(`FAIL ${error instanceof SmokeError ? error.message : (error?.stack ?? String(error))}`);
  process.exitCode = 1;
}
