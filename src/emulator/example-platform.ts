// What every component example runs on: a fresh emulated Lime CRM of its own, seeded with the demo
// data and persisting nothing, so an example shows the same thing whatever the demo pages last wrote.
import { createEmulator, type Emulator, type EmulatorOptions } from './platform';

export type ExampleEmulatorOptions = Pick<EmulatorOptions, 'config' | 'language' | 'context'>;

/** A new emulator for one example; nothing is shared with the demo or with other examples. */
export function createExampleEmulator(options: ExampleEmulatorOptions = {}): Emulator {
  return createEmulator({ ...options, storageKey: undefined });
}
