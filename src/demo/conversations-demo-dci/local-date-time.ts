// `<input type="datetime-local">` speaks local wall-clock time without a zone ("2026-11-20T14:00");
// DCI hands over ISO 8601 with an offset. These convert between the two in the reader's time zone.

/** "2026-11-20T14:00" (local time) → ISO 8601 with the local offset, e.g. "2026-11-20T14:00:00+01:00". */
export function isoFromLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day, hours, minutes, seconds = '00'] = match;
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  if (Number.isNaN(date.getTime())) {
    return undefined;
  }
  return `${year}-${month}-${day}T${hours}:${minutes}:${seconds}${offsetOf(date)}`;
}

/** A date as the value of a datetime-local input, in local time, to the minute. */
export function localInputFromDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}
