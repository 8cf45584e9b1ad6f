/**
 * The link checker on a small site written for the test: what resolves, and each way a link can
 * fail to (so that a clean report over the real site means something).
 *
 * @module
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiteLinks, type LinkReport } from './link-check.js';

let root: string;
let report: LinkReport;

const FILES: Readonly<Record<string, string>> = {
  'index.html': `<!doctype html><link rel="stylesheet" href="assets/site.css"><a href="guides/">Guides</a>
<a href="guides/one.html#step-2">step 2</a> <a href="#top" id="top">top</a> <a href="#">also top</a>
<a href='guides/one.html?x=1&amp;y=2'>query</a> <a href="guides/with%20space.html">space</a>
<a href="https://example.com/x">external</a> <img src="data:image/png;base64,AA==">
<pre><code>&lt;a href="shown-as-text.html"&gt;</code></pre>
<a href="api/index.html">missing</a> <a href="guides/one.html#no-such-step">missing anchor</a>
<a href="/guides/one.html">absolute</a> <a href="../outside.html">outside</a> <a href="empty/">no index</a>
<a href="guides/one.html#legacy">a name</a> <svg><use href="assets/icons.svg#icon-x"></use><use href="assets/icons.svg#icon-y"></use></svg>`,
  'assets/site.css': 'body {}',
  'assets/icons.svg': '<svg xmlns="http://www.w3.org/2000/svg"><symbol id="icon-x"></symbol></svg>',
  'guides/index.html': '<a href="../index.html">home</a> <a href="one.html">one</a>',
  'guides/one.html': '<h2 id="step-2">Step 2</h2><a name="legacy"></a><meta name="no-such-step">',
  'guides/with space.html': '<p>ok</p>',
  'empty/readme.txt': 'no index here',
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hyperld-links-'));
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  report = await checkSiteLinks(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('checkSiteLinks', () => {
  it('reads every HTML page and counts the links with a scheme as external, without following them', () => {
    expect(report.pages).toEqual(['guides/index.html', 'guides/one.html', 'guides/with space.html', 'index.html']);
    expect(report.external).toEqual(['data:image/png;base64,AA==', 'https://example.com/x']);
  });

  it('reports each link that does not resolve, with the reason, and nothing else', () => {
    expect(report.broken).toEqual([
      { page: 'index.html', url: 'api/index.html', reason: 'no such file: api/index.html' },
      { page: 'index.html', url: 'guides/one.html#no-such-step', reason: 'no id "no-such-step" in guides/one.html' },
      { page: 'index.html', url: '/guides/one.html', reason: 'a root-absolute path (the site is served from any mount point: link relatively)' },
      { page: 'index.html', url: '../outside.html', reason: 'points outside the site' },
      { page: 'index.html', url: 'empty/', reason: 'no such file: empty/index.html (a directory without index.html)' },
      { page: 'index.html', url: 'assets/icons.svg#icon-y', reason: 'no id "icon-y" in assets/icons.svg' },
    ]);
    // The other 11 resolve: a directory, a query with an entity, percent-encoding, `#`, ids,
    // `<a name>`, an SVG symbol, and the guides' two links; the text in <code> is no link.
    expect(report.checked).toBe(report.broken.length + 11);
  });

  it('fails when the site directory does not exist, rather than finding no broken link', async () => {
    await expect(checkSiteLinks(join(root, 'no-such-site'))).rejects.toThrow(/ENOENT/);
  });
});
