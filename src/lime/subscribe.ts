// Subscriptions to platform state, tied to a component's connectedCallback/disconnectedCallback.
// lime-web-components 2.1.0's decorators never unsubscribe under Stencil 4; this always does.
import { findService } from './platform';
import type { LimePlatform, StateOptions, StateRepository } from './types';

/** Subscribes to a state service; returns the unsubscribe (a no-op when the service is missing). */
export function subscribe<T>(
  platform: LimePlatform | undefined | null,
  serviceName: string,
  callback: (state: T) => void,
  options?: StateOptions,
): () => void {
  const repository = findService<Partial<StateRepository<T>>>(platform, serviceName);
  if (typeof repository?.subscribe !== 'function') {
    return () => undefined;
  }
  return repository.subscribe(callback, options);
}

/**
 * Holds a component's subscriptions: add them in `connectedCallback`, call `clear()` in
 * `disconnectedCallback`. Clearing twice, or clearing an empty bag, is harmless.
 */
export class Subscriptions {
  private unsubscribers: Array<() => void> = [];

  add(unsubscribe: () => void): void {
    this.unsubscribers.push(unsubscribe);
  }

  subscribe<T>(
    platform: LimePlatform | undefined | null,
    serviceName: string,
    callback: (state: T) => void,
    options?: StateOptions,
  ): void {
    this.add(subscribe(platform, serviceName, callback, options));
  }

  clear(): void {
    const unsubscribers = this.unsubscribers;
    this.unsubscribers = [];
    for (const unsubscribe of unsubscribers) {
      unsubscribe();
    }
  }
}
