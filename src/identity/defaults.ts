/** Client id used when neither `--client-id`, `MCP_GUARD_CLIENT_ID` nor the config names one. */
export const DEFAULT_CLIENT_ID = 'mcp-guard';

/** Scopes asked for by default: who (openid, profile, email) and a refresh token (offline_access). */
export const DEFAULT_SCOPE = 'openid profile email offline_access';
