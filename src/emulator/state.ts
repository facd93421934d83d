// Emulated state services (`state.limetypes`, `state.limeobjects`, …): subscribe with map and
// filter options, called back at once and on every change.
import type { StateOptions } from '../lime';

type Subscriber = (state: unknown) => void;

export class StateStore<T> {
  private subscribers = new Set<Subscriber>();

  constructor(private readonly read: () => T) {}

  get current(): T {
    return this.read();
  }

  /**
   * Calls back with the current state now and after every change; `map` functions are applied in
   * order, and the callback is skipped when a `filter` returns false. Returns the unsubscribe.
   */
  subscribe(callback: (state: unknown) => void, options: StateOptions = {}): () => void {
    const maps = options.map ?? [];
    const filters = options.filter ?? [];
    const subscriber: Subscriber = (state) => {
      const mapped = maps.reduce<unknown>((value, map) => map(value), state);
      if (filters.every((filter) => filter(mapped))) {
        callback(mapped);
      }
    };
    this.subscribers.add(subscriber);
    subscriber(this.read());
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** Tells every subscriber the current state (computed once for all). */
  notify(): void {
    if (this.subscribers.size === 0) {
      return;
    }
    const state = this.read();
    let failure: unknown;
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber(state);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) {
      throw failure;
    }
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }
}
