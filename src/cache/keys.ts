/** Every cache key the service uses, with its time to live. One place, so invalidation can't miss one. */
const PREFIX = "skyslot:v1";

export const cacheKeys = {
  /** The user a token's subject maps to; dropped when the user changes. */
  userBySubject: (subject: string) => `${PREFIX}:user:sub:${subject}`,
} as const;

export const cacheTtl = {
  userBySubject: 300,
} as const;
