// The emulated event dispatcher: application-wide events as cancelable CustomEvents.
import type { EventDispatcherService } from '../lime';

type Listener = (event: CustomEvent<unknown>) => void;

/** A cancelable CustomEvent; a minimal stand-in where the runtime has none (plain node). */
function createEvent<T>(name: string, detail: T): CustomEvent<T> {
  if (typeof CustomEvent === 'function') {
    return new CustomEvent(name, { detail, cancelable: true });
  }
  let prevented = false;
  return {
    type: name,
    detail,
    cancelable: true,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  } as unknown as CustomEvent<T>;
}

export class EmulatedEventDispatcher implements EventDispatcherService {
  // Own registry rather than an EventTarget: the same code runs in browsers, in node and in
  // Stencil's mock DOM, whose events a node EventTarget refuses.
  private listeners = new Map<string, Listener[]>();

  dispatch<T>(eventName: string, data: T): CustomEvent<T> {
    const event = createEvent(eventName, data);
    let failure: unknown;
    for (const listener of [...(this.listeners.get(eventName) ?? [])]) {
      try {
        listener(event as CustomEvent<unknown>);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) {
      throw failure;
    }
    return event;
  }

  addListener<T>(eventName: string, listener: (event: CustomEvent<T>) => void): void {
    const listeners = this.listeners.get(eventName) ?? [];
    if (!listeners.includes(listener as Listener)) {
      this.listeners.set(eventName, [...listeners, listener as Listener]);
    }
  }

  removeListener<T>(eventName: string, listener: (event: CustomEvent<T>) => void): void {
    const listeners = this.listeners.get(eventName) ?? [];
    this.listeners.set(
      eventName,
      listeners.filter((each) => each !== listener),
    );
  }
}
