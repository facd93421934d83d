// Moving one item of an ordered list (lookup rules are tried in order).

/** A copy of `list` with the item at `from` moved to `to` (clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length) {
    return copy;
  }
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** Which row a pointer at `y` is over, from the rows' vertical extents (top, height). */
export function rowIndexAt(y: number, rows: readonly { top: number; height: number }[]): number {
  const index = rows.findIndex((row) => y < row.top + row.height / 2);
  return index === -1 ? rows.length - 1 : index;
}
