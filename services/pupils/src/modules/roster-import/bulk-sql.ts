import { randomBytes } from 'node:crypto';

/**
 * Ids for the rows one commit creates: UUIDs in the version 7 layout (48-bit millisecond time, then
 * random bits), rising within a source. Index entries for ids made in order land side by side at the
 * right of each b-tree instead of on a random page, which makes a big insert markedly cheaper (for the
 * row's own key and for every index on a column that points at it, such as `enrolment.pupil_id`).
 */
export function orderedIdSource(now = Date.now()): () => string {
  const time = Math.floor(now).toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(10);
  const versioned = (0x7000 | (random.readUInt16BE(0) & 0x0fff)).toString(16);
  const variant = (0x8000 | (random.readUInt16BE(2) & 0x3fff)).toString(16);
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-${versioned}-${variant}-${random.readUInt16BE(4).toString(16).padStart(4, '0')}`;
  // A 32-bit counter from a random start below 2^31: room for far more ids than one import makes.
  let counter = random.readUInt32BE(6) >>> 1;
  return () => {
    const id = prefix + counter.toString(16).padStart(8, '0');
    counter += 1;
    return id;
  };
}
