// What the connect dialog tells the user, as translation keys and their parameters.
import type { ConnectOutcome, NamedObject } from '../../conversations/conversations.types';
import { crmFailureMessage } from '../../crm/failure';
import type { ConversationIdProblem } from '../../conversations/conversations.types';
import { MAX_CONVERSATION_ID } from '../../conversations/conversation-id';
import type { ParentProblem } from '../../conversations/parent-relation';
import type { LimeTypes } from '../../lime/types';

export interface Message {
  key: string;
  params?: Record<string, unknown>;
}

export type Tone = 'note' | 'caution' | 'warning';

/** A message shown in the dialog, with the object it is about when the user may want to open it. */
export interface DialogNotice {
  tone: Tone;
  /** A few words saying what happened, above the message. */
  heading: Message;
  message: Message;
  /** The object the conversation is connected to, to link to. */
  object?: NamedObject;
}

/** The inline error of the ID field. */
export function inputProblemMessage(reason: ConversationIdProblem): Message {
  switch (reason) {
    case 'empty':
      return { key: 'connect_dialog.input.empty' };
    case 'out-of-range':
      return { key: 'connect_dialog.input.out_of_range', params: { max: MAX_CONVERSATION_ID } };
    case 'unrecognised-link':
      return { key: 'connect_dialog.input.unrecognised_link' };
    case 'not-a-number':
      return { key: 'connect_dialog.input.not_a_number' };
  }
}

/** Why the dialog cannot connect anything from where it was opened. */
export function parentProblemMessage(reason: ParentProblem): Message {
  return reason === 'unknown-limetype'
    ? { key: 'connect_dialog.setup.unknown_limetype' }
    : { key: 'connect_dialog.setup.no_parent' };
}

/** The singular name of a limetype, or its technical name when the metadata lacks it. */
export function limetypeLabel(limetypes: LimeTypes, limetype: string): string {
  return limetypes[limetype]?.localname?.singular || limetype;
}

/** The success toast: connected, and not synchronised until sent from Lime Connect. */
export function connectedMessage(conversationId: number): Message {
  return { key: 'connect_dialog.connected', params: { id: conversationId } };
}

/** What the dialog shows for an outcome that keeps it open; `undefined` for `connected`. */
export function outcomeNotice(
  outcome: ConnectOutcome,
  limetypes: LimeTypes,
): DialogNotice | undefined {
  const id = outcome.conversationId;
  switch (outcome.outcome) {
    case 'connected':
      return undefined;
    case 'already-connected-here':
      return {
        tone: 'note',
        heading: { key: 'connect_dialog.heading.already_here' },
        message: { key: 'connect_dialog.already_here', params: { id } },
      };
    case 'connected-elsewhere':
      if (!outcome.owner) {
        return {
          tone: 'caution',
          heading: { key: 'connect_dialog.heading.elsewhere' },
          message: { key: 'connect_dialog.elsewhere.unowned', params: { id } },
        };
      }
      return {
        tone: 'caution',
        heading: { key: 'connect_dialog.heading.elsewhere' },
        message: ownerMessage('connect_dialog.elsewhere', id, outcome.owner, limetypes),
        object: outcome.owner.descriptive ? outcome.owner : undefined,
      };
    case 'conflict':
      if (outcome.ownerIsParent || !outcome.owner) {
        return {
          tone: 'note',
          heading: { key: 'connect_dialog.heading.conflict' },
          message: { key: 'connect_dialog.conflict.here', params: { id } },
        };
      }
      return {
        tone: 'caution',
        heading: { key: 'connect_dialog.heading.conflict' },
        message: ownerMessage('connect_dialog.conflict', id, outcome.owner, limetypes),
        object: outcome.owner.descriptive ? outcome.owner : undefined,
      };
    case 'failed':
      return {
        tone: 'warning',
        heading: { key: 'connect_dialog.heading.failed' },
        message: crmFailureMessage(outcome.failure),
      };
  }
}

// With a descriptive the object is named; without, the user may not read it, so only its kind is.
function ownerMessage(
  prefix: string,
  id: number,
  owner: NamedObject,
  limetypes: LimeTypes,
): Message {
  const limetype = limetypeLabel(limetypes, owner.limetype);
  return owner.descriptive
    ? { key: `${prefix}.named`, params: { id, limetype, descriptive: owner.descriptive } }
    : { key: `${prefix}.hidden`, params: { id, limetype } };
}
