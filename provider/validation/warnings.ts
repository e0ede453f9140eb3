/**
 * Warnings from `check`: problems worth telling the user that must not fail the preview.
 *
 * A CheckFailure always fails the preview, and `pulumi.log` has no engine connection inside the
 * dynamic-provider process (it falls back to the console). What reaches the user is the
 * process's stderr: the engine shows every stderr line of a dynamic provider as a diagnostic
 * (sdk/go/common/resource/plugin/plugin.go, `runtrace` → `Diag.Infoerrf`). So a warning is one
 * stderr line, said once per process: Pulumi checks many resources, and a hundred copies of
 * "AppFlow refused the lookup" would bury it.
 */
export type WarningSink = (line: string) => void;

const stderr: WarningSink = (line) => console.error(line);
let sink: WarningSink = stderr;
const said = new Set<string>();

/** Says `message` once per process, or once per `key` when one condition words itself differently each time. */
export function warn(message: string, key: string = message): void {
  if (said.has(key)) return;
  said.add(key);
  sink(`warning: ${message}`);
}

/** Route warnings elsewhere (tests); returns the function that restores stderr and forgets what was said. */
export function setWarningSink(next: WarningSink): () => void {
  sink = next;
  said.clear();
  return () => {
    sink = stderr;
    said.clear();
  };
}
