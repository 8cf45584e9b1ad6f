/**
 * Collection pages of any size shaped like the seed: the seed body (the TextUs response in
 * `test/fixtures/000_bd34847030ad49a7.txt`, after the line `Example Body`) with its one member
 * cloned N times, each clone with its own ids and slugs, phone numbers and timestamps, so that no
 * string is shared between members (as on a real page, and no engine can take a shortcut).
 *
 * @example
 * ```ts
 * import { collectionPage } from './seed-page.js';
 * const page = collectionPage(100);
 * console.log(JSON.stringify(page).length);
 * ```
 *
 * @module
 */
import type { JsonObject, JsonValue } from '@hyperld/core';
import { seedBodyText } from '@hyperld/fixtures';

/** The IRI the seed page is served at; relative links and contexts resolve against it. */
export const BASE = 'https://api.example/contacts/DQeeO69/conversations';

/**
 * The seed's JSON body.
 *
 * @returns a fresh parse of the body.
 * @example
 * ```ts
 * import { seedBody } from './seed-page.js';
 * seedBody()['@type']; // 'ConversationCollection'
 * ```
 */
export function seedBody(): JsonObject {
  return JSON.parse(seedBodyText()) as JsonObject;
}

const PHONE = /\+1(\d{3})(\d{3})(\d{4})/g;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;
const SLUG_IN_PATH = /"\/(?!contexts\/)[A-Za-z_]+\/([A-Za-z0-9_]+)/g;

/**
 * A page of `n` members cloned from the seed's single member.
 *
 * @param n - the number of members.
 * @returns the page, as parsed JSON (`totalItems` is `n`).
 * @example
 * ```ts
 * import { collectionPage } from './seed-page.js';
 * (collectionPage(3)['members'] as unknown[]).length; // 3
 * ```
 */
export function collectionPage(n: number): JsonObject {
  const page = seedBody();
  const members = page['members'];
  if (!Array.isArray(members) || members.length !== 1) throw new Error('the seed page should have exactly one member');
  const template = JSON.stringify(members[0]);
  const owner = new URL(BASE).pathname.split('/')[2];
  // Every IRI's slug (`/conversations/Pvwqm5G` → `Pvwqm5G`) but the page owner's is renamed per clone.
  const slugs = [...new Set([...template.matchAll(SLUG_IN_PATH)].map((m) => m[1] as string))].filter((s) => s !== owner);
  const slugPattern = new RegExp(`\\b(?:${slugs.join('|')})\\b`, 'g');
  const phones = [...new Set([...template.matchAll(PHONE)].map((m) => m[0]))];

  const clones: JsonValue[] = [];
  for (let i = 0; i < n; i++) {
    let text = template.replace(slugPattern, (slug) => `${slug}${i.toString(36)}`);
    for (const phone of phones) {
      const subscriber = String((Number(phone.slice(-7)) + i * 7919) % 10_000_000).padStart(7, '0');
      const area = phone.slice(2, 5);
      const formatted = `(${area}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
      text = text
        .replaceAll(phone, `+1${area}${subscriber}`)
        .replaceAll(formatted, `(${area}) ${subscriber.slice(0, 3)}-${subscriber.slice(3)}`);
    }
    // Each conversation a little older than the one before it, as a page sorted by recency is.
    text = text.replace(TIMESTAMP, (stamp) => new Date(Date.parse(stamp) - i * 3_600_000 - i * 1_013).toISOString());
    clones.push(JSON.parse(text) as JsonValue);
  }
  page['members'] = clones;
  page['totalItems'] = n;
  return page;
}
