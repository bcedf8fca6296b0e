/**
 * Lists longer than this are not kept once a scan is done with them: one
 * large text must not hold megabytes of scratch for the life of the process.
 * The next large text grows them again, a copy per doubling (linear).
 */
export const KEEP_ENTRIES = 1 << 16;

/** `array`, or a small new one when it grew past KEEP_ENTRIES. */
export function trimmed(array: Int32Array): Int32Array<ArrayBuffer> {
  return array.length > KEEP_ENTRIES ? new Int32Array(16) : (array as Int32Array<ArrayBuffer>);
}

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
