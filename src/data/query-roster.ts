/**
 * An ordered list of members for lists that grow to thousands: the
 * observers of one query entry (10,000 `useQuery` components of one key)
 * and the observers watching a runtime's online and focus managers.
 *
 * Joining appends; leaving leaves a hole (`null`), found through the index
 * each member keeps (its `slot` field), so neither grows a hash table nor
 * searches: as two 10,000-entry `Set`s, the one-key mount's inserts were
 * about 2% of its CPU profile and 0.65 MB of hash tables (allocation profile).
 * The holes are squeezed out once they outnumber the members, never while a
 * walk is under way, so a walk sees every member that was there when it
 * began and has not left since, in joining order.
 *
 * A member belongs to at most one roster of a kind at a time (its one slot
 * says where): an observer watches one entry, and one runtime's managers.
 */
export class Roster<K extends string, M extends { [slot in K]: number }> {
  /** The members in joining order, `null` where one left. */
  items: Array<M | null> = [];
  /** How many members there are. */
  size = 0;
  #walks = 0;

  /** @param slot The member's field that holds its index here (one per kind of roster). */
  readonly #slot: K;

  constructor(slot: K) {
    this.#slot = slot;
  }

  has(member: M): boolean {
    const index = member[this.#slot];
    return index >= 0 && this.items[index] === member;
  }

  /** Appends `member`; false if it is here already. */
  add(member: M): boolean {
    if (this.has(member)) return false;
    // A first member gets an array of one: a push onto the empty array
    // would reserve 16 slots, and most rosters of an entry (a key of its
    // own per component) never hold a second. (No walk is under way over
    // an empty array, so none loses its array.)
    if (this.items.length === 0) (member[this.#slot] as number) = (this.items = [member]).length - 1;
    else (member[this.#slot] as number) = this.items.push(member) - 1;
    this.size++;
    return true;
  }

  /** Removes `member`; false if it was not here. */
  delete(member: M): boolean {
    if (!this.has(member)) return false;
    this.items[member[this.#slot]] = null;
    (member[this.#slot] as number) = -1;
    this.size--;
    this.#squeeze();
    return true;
  }

  /**
   * Calls `fn` with each member there now, in joining order. Members may
   * join (not visited) or leave (not visited if not reached yet) meanwhile;
   * the holes are squeezed out after the walk, never during one.
   */
  each(fn: (member: M) => void): void {
    const items = this.items;
    const n = items.length;
    this.#walks++;
    try {
      for (let i = 0; i < n; i++) {
        const member = items[i]!;
        if (member !== null) fn(member);
      }
    } finally {
      this.#walks--;
      this.#squeeze();
    }
  }

  /** Moves the members over the holes once these outnumber them (amortized: each hole is passed once). */
  #squeeze(): void {
    const items = this.items;
    if (this.#walks > 0 || items.length - this.size <= this.size) return;
    let next = 0;
    for (let i = 0; i < items.length; i++) {
      const member = items[i]!;
      if (member === null) continue;
      items[next] = member;
      (member[this.#slot] as number) = next++;
    }
    items.length = next;
  }
}
