/**
 * ISO 7064 MOD 11,10 (the hybrid system for digits): the German Steuer-ID's
 * and the Croatian OIB's check digit. True when the last of
 * `digits[0, length)` is the check digit of the ones before it.
 */
export function mod11_10Valid(digits: Uint8Array, length: number): boolean {
  let product = 10;
  for (let k = 0; k < length - 1; k++) {
    let sum = (digits[k]! + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === digits[length - 1];
}
