// Opening an object's card and finding the dialog service, across Lime versions.
// lime-web-components 2.1.0 registers a `route` service (`RouteService.limeObject`); newer Lime
// versions register a `navigator` service (`navigate(path)`) in its place. We look for both.
// Dialogs: 2.1.0's `DialogService` and newer versions' `DialogRenderer` are both registered as
// `dialog` and both have `create(name, properties, listeners)` / `destroy(id)`, the only calls we
// make, so one lookup serves both.
import { findService } from './platform';
import { DialogRenderer, Navigator } from './services';
import type { DialogService, LimePlatform } from './types';
import type { RouteService } from '@limetech/lime-web-components-interfaces';

/** The service name newer Lime versions use instead of `route`. */
export const NewerNavigator = 'navigator';

interface NewerNavigatorService {
  navigate(path: string): unknown;
}

/** How to open an object's card on this platform, or `undefined` when it cannot. */
export function objectOpener(
  platform: LimePlatform | undefined | null,
): ((limetype: string, id: number) => void) | undefined {
  const route = findService<Partial<RouteService>>(platform, Navigator);
  if (typeof route?.limeObject === 'function') {
    return (limetype, id) => route.limeObject?.(limetype, id);
  }
  const navigator = findService<Partial<NewerNavigatorService>>(platform, NewerNavigator);
  if (typeof navigator?.navigate === 'function') {
    return (limetype, id) =>
      navigator.navigate?.(`/object/${encodeURIComponent(limetype)}/${encodeURIComponent(id)}`);
  }
  return undefined;
}

/** The dialog service (`DialogService` in 2.1.0, `DialogRenderer` in newer versions). */
export function findDialogs(platform: LimePlatform | undefined | null): DialogService | undefined {
  const dialogs = findService<Partial<DialogService>>(platform, DialogRenderer);
  return typeof dialogs?.create === 'function' && typeof dialogs.destroy === 'function'
    ? (dialogs as DialogService)
    : undefined;
}
