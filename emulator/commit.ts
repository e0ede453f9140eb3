/**
 * The services' state and the file it is saved to: every acknowledged write is on disk before it
 * is answered, and a write that cannot be saved is rolled back before any other request runs.
 */
import { cleanTempFiles, decodeImage, loadState, saveState } from "./persistence";
import { Backends, checkEmulatorData, type EmulatorData } from "./services";
import type { AccountContext } from "./services/context";
import type { EmulatorBehaviour } from "./types";

export class CommittedState {
  readonly backends: Backends;
  /** The state as last saved: what a write whose save fails is rolled back to. */
  private image?: string;

  constructor(
    account: AccountContext,
    accessKeyId: string,
    private readonly file?: string,
    behaviour?: EmulatorBehaviour,
  ) {
    if (!file) {
      this.backends = new Backends(account, accessKeyId, undefined, behaviour);
      return;
    }
    cleanTempFiles(file);
    this.backends = new Backends(account, accessKeyId, loadState(file, checkEmulatorData), behaviour);
    // Fail at start, naming the file, rather than at the first write: the state is written once now.
    this.image = saveState(file, this.backends.snapshot());
  }

  /**
   * Applies a change and saves it, or leaves the state as it was. The change and the save run in
   * one synchronous step, so no other request sees the state between them; a failed save (or
   * change) puts the last saved state back, so a refused write is never visible.
   */
  commit<T>(change: () => T): T {
    const file = this.file;
    if (!file) return change();
    try {
      const result = change();
      this.image = saveState(file, this.backends.snapshot());
      return result;
    } catch (e) {
      if (this.image !== undefined) this.backends.restore(decodeImage(file, this.image) as EmulatorData);
      throw e;
    }
  }
}
