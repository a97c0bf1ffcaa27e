/**
 * A counter the store bumps whenever something the mounted tree shows changes
 * (items, folder membership, smart folders, connections, workspaces). Readers
 * such as the tree cache what they derive and rebuild when the counter moved:
 * one integer comparison instead of a query per filesystem call.
 */
export class ChangeCounter {
  #value = 0;

  get value(): number {
    return this.#value;
  }

  bump(): void {
    this.#value++;
  }
}
