/**
 * Tools' output schemas, as the client knows them from `tools/list`, and the
 * check that a masked `structuredContent` still matches its tool's schema.
 *
 * MCP SDK clients validate a tool's structuredContent against its
 * outputSchema (with JSON Schema formats) and fail the call when it does
 * not match. A schema may demand more than a shape: `format: "email"` (what
 * zod's `z.string().email()` writes) or a pattern, which `<email:3f9a1c2b>`
 * does not meet. A masked value that stood alone in such a field, an e-mail
 * address, is then written as an address that cannot reach anyone
 * (`email-3f9a1c2b@pseudonym.invalid`, RFC 2606's `.invalid`). When the
 * masked content still does not match while the server's did, the result
 * cannot be masked and kept valid, and is withheld (fail closed).
 *
 * Validation is ajv's with ajv-formats, as the SDK client does it; they load
 * on first use, not at start-up.
 */
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';

/** Tools remembered; a server listing more has the oldest forgotten (their results are then not checked). */
const MAX_TOOLS = 1000;

type Json = Record<string, unknown>;

let ajv: Ajv | undefined;

/** ajv configured as the MCP SDK client configures it. */
function validatorCompiler(): Ajv {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const AjvConstructor = require('ajv') as new (options: Options) => Ajv;
    const addFormats = require('ajv-formats') as (instance: Ajv) => Ajv;
    ajv = new AjvConstructor({ strict: false, validateFormats: true, validateSchema: false, allErrors: true });
    addFormats(ajv);
  }
  return ajv;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The outcome of fitting a masked structuredContent to its tool's schema. */
export type Fit = { value: unknown } | { mismatch: string };

export class OutputSchemas {
  readonly #schemas = new Map<string, Json>();
  readonly #validators = new Map<string, ValidateFunction | null>();

  /** Remembers the output schemas of the tools in a `tools/list` result. */
  remember(result: unknown): void {
    if (!isObject(result) || !Array.isArray(result.tools)) return;
    for (const tool of result.tools) {
      if (!isObject(tool) || typeof tool.name !== 'string') continue;
      this.#validators.delete(tool.name);
      this.#schemas.delete(tool.name);
      if (!isObject(tool.outputSchema)) continue;
      if (this.#schemas.size >= MAX_TOOLS) this.#schemas.delete(this.#schemas.keys().next().value as string);
      this.#schemas.set(tool.name, tool.outputSchema);
    }
  }

  /**
   * The structuredContent to send for `tool`: `masked` when it matches the
   * tool's schema (or no schema is known, or the server's own content does
   * not match it either), else `masked` with e-mail addresses written as
   * undeliverable addresses when that matches; else why it cannot match.
   */
  fit(tool: string, original: unknown, masked: unknown): Fit {
    const validate = this.#validator(tool);
    if (!validate || masked === original || validate(masked)) return { value: masked };
    const reshaped = withEmailShapes(original, masked);
    if (reshaped !== masked && validate(reshaped)) return { value: reshaped };
    const why = validate.errors?.map((error) => `${error.instancePath || '/'} ${error.message ?? 'does not match'}`).join(', ') ?? 'it does not match';
    // Where the server's own content does not match either, masking is not what breaks it.
    if (!validate(original)) return { value: masked };
    return { mismatch: why };
  }

  #validator(tool: string): ValidateFunction | null {
    let validate = this.#validators.get(tool);
    if (validate === undefined) {
      const schema = this.#schemas.get(tool);
      try {
        validate = schema ? validatorCompiler().compile(schema) : null;
      } catch {
        // A schema ajv cannot compile cannot be checked here; the client reports it.
        validate = null;
      }
      this.#validators.set(tool, validate);
    }
    return validate;
  }
}

/** A value that is an e-mail address and nothing else. */
const WHOLE_EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const PSEUDONYM = /^<email:([0-9a-f]+)>$/;

/**
 * `masked` with each string that was an e-mail address alone (in `original`)
 * and was masked written as an address at `.invalid`, which keeps what the
 * style kept: the pseudonym's digits, or the first letter and domain that
 * `partial` shows. Copies only where something changed.
 */
function withEmailShapes(original: unknown, masked: unknown): unknown {
  if (typeof original === 'string' && typeof masked === 'string') {
    return masked !== original && WHOLE_EMAIL.test(original.trim()) ? undeliverable(masked) : masked;
  }
  if (Array.isArray(original) && Array.isArray(masked)) {
    let changed = false;
    const out = masked.map((item, index) => {
      const next = withEmailShapes(original[index], item);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? out : masked;
  }
  if (isObject(original) && isObject(masked)) {
    let out = masked;
    for (const [key, item] of Object.entries(masked)) {
      const next = withEmailShapes(original[key], item);
      if (next === item) continue;
      if (out === masked) out = { ...masked };
      out[key] = next;
    }
    return out;
  }
  return masked;
}

function undeliverable(masked: string): string {
  const pseudonym = PSEUDONYM.exec(masked);
  if (pseudonym) return `email-${pseudonym[1]}@pseudonym.invalid`;
  const at = masked.indexOf('@');
  if (at === -1) return 'redacted@redacted.invalid';
  const local = masked.slice(0, at).replace(/[^A-Za-z0-9]/g, '') || 'x';
  return `${local}.masked@${masked.slice(at + 1)}.invalid`;
}
