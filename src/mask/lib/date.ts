/** Days per month in a common year; built once (this runs for every date-shaped numeric window). */
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when day/month name a real calendar day of `year` (Gregorian, leap years included). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return day <= 29;
  return day <= DAYS[month - 1]!;
}
