/** The service user a sandbox starts with unless told otherwise (printed at start). */
export const DOMA_SANDBOX_EMAIL = 'bridge@sandbox.doma.ai';
export const DOMA_SANDBOX_PASSWORD = 'doma-sandbox-secret';
