/**
 * Getting started, for client builders: start the TextUs reference server on an ephemeral port,
 * then, with the typed client of `@hyperld/textus/client`, page through contact `DQeeO69`'s
 * conversations by their `next` links, follow one conversation's `timeline`, and close it
 * through its `closeConversation` action, only because the server offers it. No URL is built
 * by hand past the first one: everything else is a link the server sent.
 *
 * Run it with `npx tsx --conditions=@hyperld/source docs/guides/client.ts` (from the repository
 * root); `docs/src/guides.test.ts` runs {@link main} and checks its summary on every test run.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { ConversationCollection } from '@hyperld/textus';
import { textus } from '@hyperld/textus/client';
import { DEMO_TOKEN, startTextusServer } from '@hyperld/textus-server';

/**
 * What {@link main} found.
 *
 * @example
 * ```ts
 * import type { ClientGuideSummary } from './client.js';
 * declare const summary: ClientGuideSummary;
 * summary.closed?.after; // 'closed'
 * ```
 */
export interface ClientGuideSummary {
  /** How many pages of conversations the client walked. */
  readonly pages: number;
  /** How many conversations they held. */
  readonly conversations: number;
  /** `totalItems` of the first page, as the server counted. */
  readonly totalItems: number;
  /** How many conversations were in each state. */
  readonly byState: Readonly<Record<string, number>>;
  /** The conversation whose timeline was followed. */
  readonly timeline: { readonly conversation: string; readonly messages: number; readonly latest: string | undefined } | undefined;
  /** The conversation that was closed, and its state before and after. */
  readonly closed: { readonly conversation: string; readonly before: string; readonly after: string; readonly reopenOffered: boolean } | undefined;
}

/**
 * Starts the reference server (in memory, seeded), walks `DQeeO69`'s conversations with the
 * typed client, follows the first open conversation's timeline, closes it, prints what happened
 * and stops the server.
 *
 * @param log - where to print (default `console.log`).
 * @returns what it found.
 * @example
 * ```ts
 * import { main } from './client.js';
 * const summary = await main(() => {});
 * summary.closed?.after; // 'closed'
 * ```
 */
export async function main(log: (line: string) => void = console.log): Promise<ClientGuideSummary> {
  const server = await startTextusServer({ file: ':memory:', port: 0, announce: false });
  try {
    log(`TextUs reference server on ${server.url}`);
    const client = textus({ baseUrl: server.url, token: DEMO_TOKEN });

    // The one URL we know: the entry point. `getAs` checks the answer is a ConversationCollection
    // and types it, down to every member's action links.
    const first = await client.getAs(ConversationCollection, '/contacts/DQeeO69/conversations');

    // `pages` follows `view.next` until it is null; one page in memory at a time.
    let pages = 0;
    let conversations = 0;
    const byState: Record<string, number> = {};
    let open: (typeof first.members)[number] | undefined;
    for await (const page of client.pages(first)) {
      pages++;
      for (const conversation of page.members) {
        conversations++;
        byState[conversation.currentState] = (byState[conversation.currentState] ?? 0) + 1;
        // An action is available when the server sends its URL, and `null` when it does not.
        if (!open && conversation.closeConversation) open = conversation;
      }
    }
    log(`${conversations} conversations on ${pages} pages (totalItems ${first.totalItems}): ${JSON.stringify(byState)}`);

    let timeline: ClientGuideSummary['timeline'];
    let closed: ClientGuideSummary['closed'];
    if (open) {
      // `follow` fetches the link and types the answer by the link's declared target: a Timeline.
      const messages = await client.follow(open, 'timeline');
      const latest = messages.members[0];
      timeline = { conversation: open.slug, messages: messages.totalItems, latest: latest?.body };
      log(`Conversation ${open.slug}: ${messages.totalItems} messages, latest ${latest ? `"${latest.body}" (${latest.direction})` : 'none'}`);

      // `invoke` sends the action's declared method (PUT) to the link the server offered, and
      // decodes the answer: the conversation, with its action links recomputed.
      const after = await client.invoke(open, 'closeConversation');
      // Typed `undefined` too: an action may answer without a body (202). This one never does.
      if (!after) throw new Error('closeConversation answered without a body');
      closed = { conversation: open.slug, before: open.currentState, after: after.currentState, reopenOffered: after.reopenConversation != null };
      log(`Closed ${open.slug}: ${open.currentState} → ${after.currentState}; reopen is now ${after.reopenConversation ? 'offered' : 'not offered'}`);
    }
    return { pages, conversations, totalItems: first.totalItems, byState, timeline, closed };
  } finally {
    await server.close();
  }
}

// Run when executed directly (not when imported by the docs test).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
