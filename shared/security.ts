/**
 * The Content-Security-Policy for every page the app shows, in Electron and in the browser
 * host alike: only the app's own scripts, no eval, no remote anything. Images may be data:
 * and blob: URLs (QR codes, previews).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')
