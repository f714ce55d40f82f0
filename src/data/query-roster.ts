/**
 * An ordered list of members for lists that grow to thousands: the
 * observers of one query entry (10,000 `useQuery` components of one key)
 * and the observers watching a runtime's online and focus managers.
 *
 * Joining appends; leaving leaves a hole (`null`), found through the index
 * each member keeps (`slotOf`/`setSlot`), so neither grows a hash table nor
 * searches: two 10,000-entry `Set`s cost the one-key mount about 12 ms of
 * inserts and rehashing and 0.65 MB of tables (CPU and allocation profiles).
 * The holes are squeezed out once they outnumber the members, never while a
 * walk is under way, so a walk sees every member that was there when it
 * began and has not left since, in joining order.
 *
 * A member belongs to at most one roster of a kind at a time (its one slot
 * says where): an observer watches one entry, and one runtime's managers.
 */
export class Roster<M extends object> {
  /** The members in joining order, `null` where one left; read by walks (see {@link beginWalk}). */
  readonly items: Array<M | null> = [];
  /** How many members there are. */
  size = 0;
  private walks = 0;

  constructor(
    private readonly slotOf: (member: M) => number,
    private readonly setSlot: (member: M, slot: number) => void,
  ) {}

  has(member: M): boolean {
    const slot = this.slotOf(member);
    return slot >= 0 && slot < this.items.length && this.items[slot] === member;
  }

  /** Appends `member`; false if it is here already. */
  add(member: M): boolean {
    if (this.has(member)) return false;
    this.setSlot(member, this.items.length);
    this.items.push(member);
    this.size++;
    return true;
  }

  /** Removes `member`; false if it was not here. */
  delete(member: M): boolean {
    if (!this.has(member)) return false;
    this.items[this.slotOf(member)] = null;
    this.setSlot(member, -1);
    this.size--;
    if (this.walks === 0) this.squeeze();
    return true;
  }

  /**
   * Starts a walk over `items[0 .. n)`, `n` returned: members may join
   * (after `n`, not walked) or leave (their slot turns `null`) meanwhile.
   * Pair every call with {@link endWalk} in a `finally`.
   */
  beginWalk(): number {
    this.walks++;
    return this.items.length;
  }

  endWalk(): void {
    if (--this.walks === 0) this.squeeze();
  }

  private squeeze(): void {
    const items = this.items;
    const holes = items.length - this.size;
    if (this.size === 0) {
      if (holes > 0) items.length = 0;
      return;
    }
    // Amortized: a hole is moved over at most once per member that left.
    if (holes <= this.size) return;
    let next = 0;
    for (let i = 0; i < items.length; i++) {
      const member = items[i]!;
      if (member === null) continue;
      items[next] = member;
      this.setSlot(member, next++);
    }
    items.length = next;
  }
}
