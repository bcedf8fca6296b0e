/**
 * Text a peer wrote, made safe to print on a terminal. A server chooses its
 * method names, error messages, protocol version and payloads, and an
 * escape sequence among them (`ESC ] 0 ;` retitles the window, `ESC [ 2 J`
 * clears it, C1 `CSI` does the same in one character) would act on the
 * terminal of whoever reads mcp-guard's stderr or replays the trail.
 */

/** C0 controls, DEL and C1 controls: what a terminal acts on rather than shows. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with each control character shown as `?`. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, '?');
}

/**
 * JSON text (as JSON.stringify writes it, with C0 controls escaped) with
 * DEL and the C1 controls escaped too: still the same JSON.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
