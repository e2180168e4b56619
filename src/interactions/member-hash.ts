// Members appear in the logs as a keyed hash, never as their id or name: enough for the report to
// count a member's feedback once and follow a refusal to the suggestion the same member pressed,
// useless for finding out who they are without the key.
import { createHmac, randomBytes } from 'node:crypto';

export type MemberHasher = (userId: string) => string;

/**
 * HMAC-SHA256 of the user id, 16 base64url characters (96 bits). `secret` is MEMBER_HASH_SECRET;
 * without one, a random key per process (hashes then differ across restarts and replicas).
 */
export function memberHasher(secret?: string): MemberHasher {
  const key = secret ?? randomBytes(32);
  return (userId) => createHmac('sha256', key).update(userId).digest('base64url').slice(0, 16);
}
