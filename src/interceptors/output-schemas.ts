/**
 * Tools' output schemas, as the client knows them from `tools/list`, and the
 * check that a masked `structuredContent` still matches its tool's schema.
 *
 * MCP SDK clients validate a tool's structuredContent against its
 * outputSchema (with JSON Schema formats) and fail the call when it does
 * not match. A schema may demand more than a shape: `format: "email"`,
 * `"ipv4"` or `"ipv6"` (what zod writes for `z.email()`, `z.ipv4()`,
 * `z.ipv6()`) or a pattern, which `<email:3f9a1c2b>` does not meet. A masked
 * value that stood alone in such a field, an address, is then written as an
 * address that reaches nobody: at RFC 2606's `.invalid`
 * (`email-3f9a1c2b@pseudonym.invalid`), in RFC 2544's benchmarking range
 * 198.18.0.0/15, or in RFC 3849's documentation prefix 2001:db8::/32. When
 * the masked content still does not match while the server's did, the
 * result cannot be masked and kept valid, and is withheld (fail closed).
 *
 * Validation is ajv's with ajv-formats, as the SDK client does it; they load
 * on first use, not at start-up.
 */
import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { mapItems, mapMembers } from '../lib/copy-on-write.js';
import { isObject } from '../lib/is-object.js';

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
      if (this.#schemas.size >= MAX_TOOLS) {
        const oldest = this.#schemas.keys().next().value as string;
        this.#schemas.delete(oldest);
        this.#validators.delete(oldest);
      }
      this.#schemas.set(tool.name, tool.outputSchema);
    }
  }

  /**
   * The structuredContent to send for `tool`: `masked` when it matches the
   * tool's schema (or no schema is known, or the server's own content,
   * `server()`, does not match it either), else `masked` with addresses
   * written as addresses that reach nobody when that matches; else why it
   * cannot match.
   */
  fit(tool: string, masked: unknown, server: () => unknown): Fit {
    const validate = this.#validator(tool);
    if (!validate || validate(masked)) return { value: masked };
    // The server's content, read only now: it may hold long strings still to decode.
    const original = server();
    const reshaped = withAddressShapes(original, masked);
    if (reshaped !== masked && validate(reshaped)) return { value: reshaped };
    const why = validate.errors?.map((error) => `${error.instancePath || '/'} ${error.message ?? 'does not match'}`).join(', ') ?? 'it does not match';
    // Where the server's own content does not match either, masking is not what breaks it.
    if (!validate(original)) return { value: masked };
    return { mismatch: why };
  }

  #validator(tool: string): ValidateFunction | null {
    const schema = this.#schemas.get(tool);
    if (!schema) return null;
    let validate = this.#validators.get(tool);
    if (validate === undefined) {
      try {
        validate = validatorCompiler().compile(schema);
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
/** The pseudonym's hex digits, whatever its type. */
const PSEUDONYM = /^<[a-z_]+:([0-9a-f]{8})>$/;

/**
 * `masked` with each string that was an address alone (in `original`: an
 * e-mail address, an IPv4 or IPv6 address) and was masked written as an
 * address that reaches nobody. Copies only where something changed.
 */
function withAddressShapes(original: unknown, masked: unknown): unknown {
  if (typeof original === 'string' && typeof masked === 'string') {
    return masked === original ? masked : (addressShaped(original.trim(), masked) ?? masked);
  }
  if (Array.isArray(original) && Array.isArray(masked)) return mapItems(masked as unknown[], (item, index) => withAddressShapes(original[index], item));
  if (isObject(original) && isObject(masked)) return mapMembers(masked, (key, item) => withAddressShapes(original[key], item));
  return masked;
}

/**
 * The masked form of the address `original` as an address that reaches
 * nobody, keeping what the style kept: the pseudonym's digits (all of them,
 * or 17 bits in IPv4's range), or what `partial` shows (an e-mail's first
 * letter and domain, an IPv4's first three parts). Undefined for what is no
 * address.
 */
function addressShaped(original: string, masked: string): string | undefined {
  const hex = PSEUDONYM.exec(masked)?.[1];
  if (WHOLE_EMAIL.test(original)) {
    if (hex) return `email-${hex}@pseudonym.invalid`;
    const at = masked.indexOf('@');
    if (at === -1) return 'redacted@redacted.invalid';
    const local = masked.slice(0, at).replace(/[^A-Za-z0-9]/g, '') || 'x';
    return `${local}.masked@${masked.slice(at + 1)}.invalid`;
  }
  if (isIPv4(original)) {
    if (hex) {
      const bits = Number.parseInt(hex, 16);
      return `198.${18 + ((bits >>> 16) & 1)}.${(bits >>> 8) & 255}.${bits & 255}`;
    }
    const kept = /^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\*$/.exec(masked)?.[1];
    return kept ? `${kept}.0` : '192.0.2.0';
  }
  if (isIPv6(original)) return hex ? `2001:db8::${hex.slice(0, 4)}:${hex.slice(4)}` : '2001:db8::';
  return undefined;
}
