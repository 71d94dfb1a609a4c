/**
 * Where {@link readDate} leaves the instant it read. A typed-array slot keeps it an unboxed double: a number
 * like 1.7e12 returned from a call that is not inlined is boxed, one heap allocation per evaluation.
 */
export const instant = new Float64Array(2);

/** The last string read, whether it was a date, and its instant in `instant[1]`: read once, however often asked. */
let lastText = '';
let lastValid = false;

/**
 * Reads a date for `before`/`after` into `instant[0]` (a string that was the last one read is not parsed again): epoch milliseconds (a finite number) or an ISO-8601
 * string, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff…]][Z|±HH:MM|±HHMM]`. A string without an offset is UTC
 * (never the host's local time zone). False when the value is not a valid date. No allocation.
 */
export function readDate(value: unknown): boolean {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return false;
    instant[0] = value;
    return true;
  }
  if (typeof value !== 'string') return false;
  if (value !== lastText) {
    lastValid = parseIsoDate(value);
    lastText = value;
    instant[1] = instant[0];
  }
  instant[0] = instant[1];
  return lastValid;
}

/** {@link readDate}'s instant as a number (NaN when not a valid date), for compile time and validation. */
export function toEpochMillis(value: unknown): number {
  return readDate(value) ? instant[0] : NaN;
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

function parseIsoDate(text: string): boolean {
  const length = text.length;
  if (length < 10 || length > 40 || text[4] !== '-' || text[7] !== '-') return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (length === 10) return storeUtc(year, month, day, 0, 0, 0, 0);
  const separator = text[10];
  if ((separator !== 'T' && separator !== 't' && separator !== ' ') || length < 16 || text[13] !== ':') return false;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return false;
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
      if (at === start) return false;
      millis = Math.floor(millis);
    }
  }
  const offset = parseOffset(text, at);
  if (Number.isNaN(offset)) return false;
  return storeUtc(year, month, day, hour, minute, second, millis - offset);
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
  return sign === '-' && total !== 0 ? -total : total;
}

/**
 * Stores the epoch milliseconds of a proleptic Gregorian UTC date-time (month 1-12) in `instant[0]`, in
 * arithmetic: `Date.UTC` returns a boxed number (an allocation per call) and reads years 0-99 as 19xx.
 */
function storeUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): true {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  instant[0] = days * 86400000 + hour * 3600000 + minute * 60000 + second * 1000 + millis;
  return true;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
