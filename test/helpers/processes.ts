/** Resolves once the process is gone (its id no longer answers a signal 0); throws after `withinMs`. */
export async function processGone(pid: number, withinMs = 30_000): Promise<void> {
  for (let waited = 0; ; waited += 20) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (waited > withinMs) throw new Error(`process ${pid} did not finish within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
