/**
 * Frame timing for the benchmark's page modules (bundled into the page; DOM only).
 *
 * "Rendered" means: after a `requestAnimationFrame` callback registered after the work, a
 * message posted from it arrives, which happens once that frame's style, layout and paint ran.
 */

/** Resolves once the frame after now has been rendered (see the module comment). */
export function nextRenderedFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    });
  });
}
