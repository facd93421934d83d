import { Component, Prop, Watch } from '@stencil/core';
// Straight from the modules, not from src/lime's index: the loader runs on every webclient page
// and must not pull in what it does not use (zod, the config parser, the translations).
import {
  COMMAND_RECEIVED,
  isCreateDialogCommand,
  type CommandEventDetail,
} from '../../lime/commands';
import { findService } from '../../lime/platform';
import { findDialogs } from '../../lime/navigation';
import { ConfigRepository, EventDispatcher } from '../../lime/services';
import { Subscriptions } from '../../lime/subscribe';
import type { EventDispatcherService, LimeContext, LimePlatform } from '../../lime/types';
import { conversationLimetypeOf } from '../../conversations/conversation-limetype';
import { DEFAULT_CONVERSATION_LIMETYPE } from '../../config/keys';

const CONNECT_DIALOG = 'lwc-limepkg-conversations-connect-dialog';

/**
 * Loads the package into the Lime CRM webclient. It renders nothing.
 *
 * It replaces the generic create dialog of the conversation limetype: when a relation tab's
 * *Create* issues `limeobject.create-dialog` for conversations, it stops that command and opens
 * `lwc-limepkg-conversations-connect-dialog` instead, which asks for a Lime Connect conversation
 * ID. Create commands of every other limetype pass untouched.
 */
@Component({
  tag: 'lwc-limepkg-conversations-loader',
  shadow: true,
})
export class ConversationsLoader {
  /** The Lime platform, giving the event dispatcher, dialog and configuration services. */
  @Prop()
  public platform!: LimePlatform;

  /** The context the webclient loads the package in. */
  @Prop()
  public context!: LimeContext;

  private events?: EventDispatcherService;
  private subscriptions = new Subscriptions();
  private conversationLimetype = DEFAULT_CONVERSATION_LIMETYPE;
  private connected = false;

  public connectedCallback() {
    this.connected = true;
    this.listen();
  }

  public disconnectedCallback() {
    this.connected = false;
    this.stopListening();
  }

  @Watch('platform')
  protected platformChanged() {
    if (this.connected) {
      this.stopListening();
      this.listen();
    }
  }

  private listen() {
    const events = findService<EventDispatcherService>(this.platform, EventDispatcher);
    if (!events) {
      return;
    }
    events.addListener(COMMAND_RECEIVED, this.handleCommandReceived);
    this.events = events;
    this.subscriptions.subscribe<unknown>(this.platform, ConfigRepository, (configs) => {
      this.conversationLimetype = conversationLimetypeOf(configs);
    });
  }

  private stopListening() {
    this.events?.removeListener(COMMAND_RECEIVED, this.handleCommandReceived);
    this.events = undefined;
    this.subscriptions.clear();
  }

  private handleCommandReceived = (event: CustomEvent<CommandEventDetail>) => {
    const command = event.detail?.command;
    if (!isCreateDialogCommand(command) || command.limetype.name !== this.conversationLimetype) {
      return;
    }
    const dialogs = findDialogs(this.platform);
    if (!dialogs) {
      // Without a dialog service the generic create dialog is better than none.
      return;
    }
    event.preventDefault();
    let dialogId: number | undefined;
    const destroy = () => {
      if (dialogId !== undefined) {
        dialogs.destroy(dialogId);
        dialogId = undefined;
      }
    };
    dialogId = dialogs.create(CONNECT_DIALOG, { command }, { close: destroy });
  };
}
