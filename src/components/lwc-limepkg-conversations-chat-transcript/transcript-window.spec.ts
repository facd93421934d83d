import { latestWindow, windowAround, withEarlier, withLater } from './transcript-window';

describe('the window of rendered messages', () => {
  it('opens on the most recent messages', () => {
    expect(latestWindow(2000)).toEqual({ from: 1970, to: 2000 });
    expect(latestWindow(4)).toEqual({ from: 0, to: 4 });
  });

  it('loads earlier and later messages a page at a time, never past either end', () => {
    expect(withEarlier({ from: 1970, to: 2000 })).toEqual({ from: 1920, to: 2000 });
    expect(withEarlier({ from: 20, to: 50 })).toEqual({ from: 0, to: 50 });
    expect(withLater({ from: 0, to: 50 }, 80)).toEqual({ from: 0, to: 80 });
  });

  it('stays put for a position it holds, and moves to a page around one it does not', () => {
    expect(windowAround({ from: 1970, to: 2000 }, 1980, 2000)).toEqual({ from: 1970, to: 2000 });
    expect(windowAround({ from: 1970, to: 2000 }, 100, 2000)).toEqual({ from: 75, to: 125 });
    expect(windowAround({ from: 1970, to: 2000 }, 3, 2000)).toEqual({ from: 0, to: 50 });
    expect(windowAround({ from: 0, to: 10 }, 1999, 2000)).toEqual({ from: 1950, to: 2000 });
  });
});
