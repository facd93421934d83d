// The emulated dialog service: mounts the named component with its properties and listeners, and
// removes it on destroy. Without a DOM (node) it only records what was opened.
import type { DialogService, LimeContext, LimePlatform } from '../lime';

type Properties = NonNullable<Parameters<DialogService['create']>[1]>;
type Listeners = NonNullable<Parameters<DialogService['create']>[2]>;

export interface DialogRecord {
  id: number;
  /** The tag name of the component. */
  name: string;
  properties: Properties;
  element?: HTMLElement;
}

export class EmulatedDialogService implements DialogService {
  /** The dialogs open now, oldest first. */
  readonly open: DialogRecord[] = [];
  private counter = 0;

  constructor(
    private readonly platform: () => LimePlatform,
    private readonly context: () => LimeContext,
    private readonly mountRoot: () => HTMLElement | null,
  ) {}

  create(name: string, properties: Properties = {}, listeners: Listeners = {}): number {
    this.counter += 1;
    const id = this.counter;
    const record: DialogRecord = { id, name, properties };
    const root = this.mountRoot();
    if (root && typeof document !== 'undefined') {
      const element = document.createElement(name) as HTMLElement & Record<string, unknown>;
      element.platform = this.platform();
      element.context = this.context();
      Object.assign(element, properties);
      for (const [event, listener] of Object.entries(listeners)) {
        element.addEventListener(event, listener as EventListener);
      }
      element.setAttribute('data-emulator-dialog-id', String(id));
      root.appendChild(element);
      record.element = element;
    }
    this.open.push(record);
    return id;
  }

  destroy(id: number): void {
    const index = this.open.findIndex((record) => record.id === id);
    if (index < 0) {
      return;
    }
    const [record] = this.open.splice(index, 1);
    record.element?.remove();
  }

  destroyAll(): void {
    [...this.open].forEach((record) => this.destroy(record.id));
  }
}
