// The connect flow over the webclient's CRM port. The dialog fetches this on the first Connect,
// not when it opens: the port and its response schemas are not needed to show the field (see
// `npm run bench -- size`).
import type { ConnectOutcome, ConnectRequest } from '../../conversations/conversations.types';
import { connectConversation } from '../../conversations/connect';
import {
  conversationPorts,
  type ConversationStorage,
} from '../../conversations/conversation-ports';
import { createWebclientCrmPort } from '../../lime/crm-transport';
import type { HttpService } from '../../lime/types';

/** Connects a conversation through the http service, to the storage the settings name. */
export function connectOverWebclient(
  http: HttpService,
  request: ConnectRequest,
  storage: ConversationStorage,
): Promise<ConnectOutcome> {
  return connectConversation(request, conversationPorts(createWebclientCrmPort({ http }), storage));
}
