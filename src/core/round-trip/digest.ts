/**
 * Short digests of text, for the hidden marker of a unit's part: whether a recommendation's text or an answer
 * changed since the part was made. A fingerprint against mistakes, not a security measure (the part is not
 * signed: it guides people, it does not stop them).
 */

/** A 53-bit hash of a string (cyrb53), as 14 hexadecimal digits. Pure and fast; the same on every platform. */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0");
}

/** The digest of an answer cell's text, short (8 digits): "" for a blank cell, so blanks cost nothing in the marker. */
export function answerDigest(text: string): string {
  return text === "" ? "" : digest(text).slice(-8);
}
