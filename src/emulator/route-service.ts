// The emulated route service: opens an object's card in the demo, records every navigation.
import type { LimeQueryFilter } from '../lime';

export interface EmulatedRouteService {
  dashboard(): void;
  limeObject(limetype: string, id: number): void;
  table(limetype: string, filter?: LimeQueryFilter): void;
}

/** The demo's URL of an object card. */
export function cardUrl(limetype: string, id: number): string {
  return `index.html?limetype=${encodeURIComponent(limetype)}&id=${encodeURIComponent(String(id))}`;
}

export function createRouteService(
  navigations: string[],
  navigate: ((url: string) => void) | undefined,
): EmulatedRouteService {
  const go = (url: string) => {
    navigations.push(url);
    if (navigate) {
      navigate(url);
    } else if (typeof location !== 'undefined' && typeof document !== 'undefined') {
      location.href = url;
    }
  };
  return {
    dashboard: () => go('index.html'),
    limeObject: (limetype, id) => go(cardUrl(limetype, id)),
    table: (limetype, filter) =>
      go(
        `index.html?table=${encodeURIComponent(limetype)}` +
          (filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : ''),
      ),
  };
}
