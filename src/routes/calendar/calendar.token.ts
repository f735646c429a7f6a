/** A feed token: 32 random bytes, base64url (43 characters), so it cannot be guessed. */
export function newFeedToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** `<token>.ics`, the last segment of a feed URL; anything else is no feed at all. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

export function tokenOfFeedFile(file: string): string | null {
  return FEED_FILE.exec(file)?.[1] ?? null;
}
