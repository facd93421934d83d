// The emulated notification service: visible toasts (`limel-snackbar`) and alert/confirm dialogs
// (`limel-dialog`), each also recorded for tests. Without a DOM (node) it only records.
import type { NotificationService } from '../lime';

export interface NotificationRecord {
  kind: 'notify' | 'report' | 'alert' | 'confirm';
  message: string;
  title?: string;
  options?: object;
}

type Element = HTMLElement & Record<string, unknown>;

export class EmulatedNotificationService implements NotificationService {
  constructor(
    /** Where records go (the emulator's `notifications` array). */
    private readonly records: NotificationRecord[],
    private readonly mountRoot: () => HTMLElement | null,
    private readonly t: (key: string) => string,
    private readonly language: () => string,
  ) {}

  notify(
    message: string,
    options: Parameters<NotificationService['notify']>[1] = {},
  ): Promise<boolean> {
    this.records.push({ kind: 'notify', message, options });
    return this.showSnackbar(message, options);
  }

  report(
    message: string,
    options: Parameters<NotificationService['report']>[1] = {},
  ): Promise<boolean> {
    this.records.push({ kind: 'report', message, options });
    return this.showSnackbar(message, {
      actionText: options.actionText,
      dismissible: true,
      timeout: -1,
    });
  }

  alert(title: string, message: string, options: { acceptText?: string } = {}): Promise<void> {
    this.records.push({ kind: 'alert', title, message, options });
    return this.showDialog(title, message, [
      { label: options.acceptText ?? this.t('emulator.notifications.ok'), answer: true },
    ]).then(() => undefined);
  }

  confirm(
    title: string,
    message: string,
    options: { acceptText?: string; cancelText?: string } = {},
  ): Promise<boolean> {
    this.records.push({ kind: 'confirm', title, message, options });
    return this.showDialog(title, message, [
      { label: options.cancelText ?? this.t('emulator.notifications.cancel'), answer: false },
      { label: options.acceptText ?? this.t('emulator.notifications.ok'), answer: true },
    ]);
  }

  private showSnackbar(
    message: string,
    options: { timeout?: number; actionText?: string; dismissible?: boolean; multiline?: boolean },
  ): Promise<boolean> {
    const root = this.mountRoot();
    if (!root || typeof document === 'undefined') {
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const snackbar = document.createElement('limel-snackbar') as unknown as Element;
      let acted = false;
      Object.assign(snackbar, {
        message,
        language: this.language(),
        dismissible: options.dismissible ?? true,
        multiline: options.multiline ?? message.length > 60,
      });
      if (options.timeout !== undefined) {
        snackbar.timeout = options.timeout;
      }
      if (options.actionText) {
        snackbar.actionText = options.actionText;
      }
      snackbar.addEventListener('action', () => {
        acted = true;
      });
      snackbar.addEventListener('hide', () => {
        snackbar.remove();
        resolve(acted);
      });
      root.appendChild(snackbar);
      snackbar.open = true;
    });
  }

  private showDialog(
    title: string,
    message: string,
    buttons: { label: string; answer: boolean }[],
  ): Promise<boolean> {
    const root = this.mountRoot();
    if (!root || typeof document === 'undefined') {
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const dialog = document.createElement('limel-dialog') as unknown as Element;
      let settled = false;
      const finish = (answer: boolean) => {
        if (!settled) {
          settled = true;
          dialog.remove();
          resolve(answer);
        }
      };
      dialog.heading = title;
      const text = document.createElement('p');
      text.textContent = message; // never HTML: messages may quote user input
      dialog.appendChild(text);
      buttons.forEach(({ label, answer }, index) => {
        const button = document.createElement('limel-button') as unknown as Element;
        button.slot = 'button';
        button.label = label;
        button.primary = index === buttons.length - 1;
        button.addEventListener('click', () => finish(answer));
        dialog.appendChild(button);
      });
      dialog.addEventListener('close', () => finish(false));
      root.appendChild(dialog);
      dialog.open = true;
    });
  }
}
