/**
 * The step of the check, `((product + digit) mod 10, 0 read as 10) × 2 mod
 * 11`, looked up by `product × 10 + digit`: two divisions per digit were
 * most of the time of every 11-digit window the two detectors read.
 */
const NEXT = Uint8Array.from({ length: 110 }, (_, at) => {
  const sum = (Math.floor(at / 10) + (at % 10)) % 10 || 10;
  return (sum * 2) % 11;
});

/**
 * ISO 7064 MOD 11,10 (the hybrid system for digits): the German Steuer-ID's
 * and the Croatian OIB's check digit. True when the last of
 * `digits[0, length)` is the check digit of the ones before it.
 */
export function mod11_10Valid(digits: Uint8Array, length: number): boolean {
  let product = 10;
  for (let k = 0; k < length - 1; k++) product = NEXT[product * 10 + digits[k]!]!;
  return (11 - product) % 10 === digits[length - 1];
}
