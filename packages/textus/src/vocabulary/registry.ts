/**
 * The TextUs conversation vocabulary: every type of `textus-vocabulary.md` as a hyperld type,
 * with its links, embedded nodes, nullable values, enumerations, free-form JSON and lists, the
 * properties that are a link in one response and an embedded node in another, and the
 * conversation actions with their methods. The definitions live one type (and its collection) per
 * file beside this one; this file lists them (`textusTypes`) and registers them with Hydra's
 * (`textusRegistry`).
 *
 * Enumerations: `Message.direction` is closed (a message is inbound or outbound, nothing else);
 * every other enumeration (`currentState`, `deliveryState`) is open, because the API is known to
 * add values and one new value must not make a whole page fail to decode. Open enumerations still
 * type their known values.
 *
 * Each definition is built under a local name, named by an interface (`ConversationDef`, see
 * `DefType` in `@hyperld/core`) and exported as that type, so that declarations refer to it by
 * name where other definitions embed or extend it, instead of spelling it out again each time:
 * the published declarations stay small and quick to type-check.
 *
 * @module
 */
import { contextDocument, createRegistry, type Registry } from '@hyperld/core';
import { hydraReader, hydraTypes, PartialCollectionView, type HydraReader, type HydraTypes } from '@hyperld/hydra';
import { Account, AccountCollection } from './account.js';
import { ContactNote, ContactNoteCollection } from './contact-note.js';
import { ContactPhone } from './contact-phone.js';
import { Contact, ContactCollection } from './contact.js';
import { ConversationAssignment } from './conversation-assignment.js';
import { ConversationFilter } from './conversation-filter.js';
import { ConversationStats } from './conversation-stats.js';
import { ConversationUserInfo } from './conversation-user-info.js';
import { Conversation, ConversationCollection, ConversationWithAccount } from './conversation.js';
import { EntryPoint } from './entry-point.js';
import { Membership } from './membership.js';
import { Message } from './message.js';
import { VIEW_CONTEXT } from './namespace.js';
import { Timeline } from './timeline.js';
import { User } from './user.js';

/**
 * Every TextUs type.
 *
 * @example
 * ```ts
 * import { textusTypes } from '@hyperld/textus';
 * textusTypes.length;
 * ```
 */
export const textusTypes = [
  ConversationCollection,
  Conversation,
  ConversationWithAccount,
  ConversationUserInfo,
  Message,
  Account,
  User,
  Membership,
  Contact,
  ContactCollection,
  ContactPhone,
  ContactNote,
  ContactNoteCollection,
  Timeline,
  ConversationStats,
  ConversationAssignment,
  ConversationFilter,
  AccountCollection,
  EntryPoint,
] as const;

/**
 * Any definition of {@link textusRegistry}, and so of the TextUs client: every TextUs type and
 * every Hydra type, as a union that narrows on `type`.
 *
 * @example
 * ```ts
 * import type { AnyNodeOf } from '@hyperld/core';
 * import type { TextusTypes } from '@hyperld/textus';
 * import { textus, type Client } from '@hyperld/textus/client';
 * const client: Client<TextusTypes> = textus({ baseUrl: 'http://127.0.0.1:8080', token: 'u_demo.secret' });
 * declare const node: AnyNodeOf<TextusTypes>;
 * if (node['@type'] === 'Conversation') console.log(node.currentState);
 * ```
 */
export type TextusTypes = (typeof textusTypes)[number] | HydraTypes;

/**
 * The registry of the TextUs vocabulary (with the Hydra types it builds on): decode, encode and
 * the context document of every context URL TextUs uses.
 *
 * @example
 * ```ts
 * import { textusRegistry, ConversationCollection } from '@hyperld/textus';
 * textusRegistry.context('/contexts/ConversationWithAccount.jsonld');
 * ```
 */
// Annotated, so that its declaration names the definitions rather than `RegisteredDefs` of them
// (the type test checks that the two are the same union).
export const textusRegistry: Registry<TextusTypes> = /* @__PURE__ */ createRegistry({
  types: [...textusTypes, ...hydraTypes],
  // TextUs serves Hydra's view under a URL of its own; its terms are Hydra's.
  contexts: { [VIEW_CONTEXT]: contextDocument([PartialCollectionView]) },
});

/**
 * Hydra's readers bound to {@link textusRegistry}: the actions, page links and members of any
 * node of a TextUs document, the embedded ones included, which carry no registry of their own
 * (the client's `actions(node)` does the same for the nodes it fetched).
 *
 * @example
 * ```ts
 * import { ConversationCollection, textusReader, textusRegistry } from '@hyperld/textus';
 * declare const body: string;
 * const page = textusRegistry.decodeAs(ConversationCollection, body, { base: 'https://api.textus.com/contacts/DQeeO69/conversations' });
 * const message = page.members[0]?.latestPreviewableItem;
 * if (message) console.log(textusReader.actions(message).map((a) => `${a.name}: ${a.state}`)); // [ 'retry: unavailable' ]
 * ```
 */
export const textusReader: HydraReader = /* @__PURE__ */ hydraReader(textusRegistry);
