// Which messages of a long transcript are rendered: a window over the list being shown (all
// messages, or only those that match a search), opening on the most recent ones.

export interface TranscriptWindow {
  /** Position in the shown list of the first rendered message. */
  from: number;
  /** Position after the last rendered message. */
  to: number;
}

export const INITIAL_MESSAGES = 30;
export const MESSAGES_PER_PAGE = 50;

/** The most recent messages of a list of `length`. */
export function latestWindow(length: number, size = INITIAL_MESSAGES): TranscriptWindow {
  return { from: Math.max(0, length - size), to: length };
}

export function withEarlier(window: TranscriptWindow, page = MESSAGES_PER_PAGE): TranscriptWindow {
  return { from: Math.max(0, window.from - page), to: window.to };
}

export function withLater(
  window: TranscriptWindow,
  length: number,
  page = MESSAGES_PER_PAGE,
): TranscriptWindow {
  return { from: window.from, to: Math.min(length, window.to + page) };
}

/** The window itself when it holds `position`, else a window of a page around it. */
export function windowAround(
  window: TranscriptWindow,
  position: number,
  length: number,
  page = MESSAGES_PER_PAGE,
): TranscriptWindow {
  if (position >= window.from && position < window.to) {
    return window;
  }
  const from = Math.max(0, Math.min(position - Math.floor(page / 2), length - page));
  return { from, to: Math.min(length, from + page) };
}
