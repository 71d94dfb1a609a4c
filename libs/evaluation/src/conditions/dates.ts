/**
 * Parses a date for `before`/`after`: epoch milliseconds (a finite number) or an ISO-8601 string,
 * `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff…]][Z|±HH:MM|±HHMM]`. A string without an offset is UTC
 * (never the host's local time zone). Returns NaN when the value is not a valid date. No allocation.
 */
export function toEpochMillis(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  return parseIsoDate(value);
}

function digits(text: string, at: number, count: number): number {
  let result = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1;
    result = result * 10 + code;
  }
  return result;
}

function parseIsoDate(text: string): number {
  const length = text.length;
  if (length < 10 || length > 40 || text[4] !== '-' || text[7] !== '-') return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (length === 10) return Date.UTC(year, month - 1, day);
  const separator = text[10];
  if ((separator !== 'T' && separator !== 't' && separator !== ' ') || length < 16 || text[13] !== ':') return NaN;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return NaN;
    at += 3;
    if (text[at] === '.' || text[at] === ',') {
      at++;
      let scale = 100;
      const start = at;
      while (at < length && digits(text, at, 1) >= 0) {
        millis += digits(text, at, 1) * scale;
        scale /= 10;
        at++;
      }
      if (at === start) return NaN;
      millis = Math.floor(millis);
    }
  }
  const offset = parseOffset(text, at);
  if (Number.isNaN(offset)) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

function parseOffset(text: string, at: number): number {
  if (at === text.length) return 0;
  const sign = text[at];
  if ((sign === 'Z' || sign === 'z') && at + 1 === text.length) return 0;
  if (sign !== '+' && sign !== '-') return NaN;
  const rest = text.length - at - 1;
  const hours = digits(text, at + 1, 2);
  let minutes: number;
  if (rest === 5 && text[at + 3] === ':') minutes = digits(text, at + 4, 2);
  else if (rest === 4) minutes = digits(text, at + 3, 2);
  else if (rest === 2) minutes = 0;
  else return NaN;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN;
  const total = (hours * 60 + minutes) * 60000;
  return sign === '-' ? -total : total;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
