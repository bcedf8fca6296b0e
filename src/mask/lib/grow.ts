/**
 * `array` copied into a new one of twice its length: the growth step of the
 * typed-array lists masking fills without knowing their final size (digit
 * runs, numeric windows, detectors' spans).
 */
export function doubled(array: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
