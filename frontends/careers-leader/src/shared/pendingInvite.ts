/**
 * Pupils chosen on one page to be invited to an encounter recorded on another (a gap list's "record
 * a new encounter for them"): held in memory between the two pages of this remote, taken once.
 */
export interface PendingInvite {
  pupilIds: string[];
  /** Where they came from, for the record page to say, e.g. "Pupils missing out: B5 this year". */
  from: string;
}

let pending: PendingInvite | null = null;

export function setPendingInvite(invite: PendingInvite): void {
  pending = invite;
}

/** The pupils waiting to be invited, if any; a second call answers null. */
export function takePendingInvite(): PendingInvite | null {
  const taken = pending;
  pending = null;
  return taken;
}
