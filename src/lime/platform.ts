// Reading services from the platform, with a clear error when one is missing.
import type { ServiceName } from './services';
import type { LimePlatform } from './types';

export class MissingServiceError extends Error {
  constructor(public readonly serviceName: string) {
    super(
      `The Lime platform has no "${serviceName}" service. ` +
        'Is the component running inside the Lime CRM webclient (or the emulator)?',
    );
    this.name = 'MissingServiceError';
  }
}

/** The named service, or a `MissingServiceError` that names it. */
export function getService<T>(
  platform: LimePlatform | undefined | null,
  name: ServiceName | string,
): T {
  if (!platform || !platform.has(name)) {
    throw new MissingServiceError(name);
  }
  return platform.get(name) as T;
}

/** The named service, or `undefined` when the platform lacks it. */
export function findService<T>(
  platform: LimePlatform | undefined | null,
  name: ServiceName | string,
): T | undefined {
  if (!platform || !platform.has(name)) {
    return undefined;
  }
  return platform.get(name) as T;
}
