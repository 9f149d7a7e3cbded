/**
 * IPC channel names shared by the preload and the main process. The page
 * never sees them: it only gets the named functions the preload exposes.
 */
export const IPC_CHANNELS = Object.freeze({
  /** invoke(method: string, request: unknown) → ApiResult */
  call: 'factcheck:call',
  /** invoke(file: ExportedFile) → ApiResult<{ savedTo } | { cancelled: true }> */
  saveFile: 'factcheck:save-file',
  /** invoke(url: string) → ApiResult<{ opened: boolean }> */
  openExternal: 'factcheck:open-external',
  /** main → page: send(eventName, payload) */
  event: 'factcheck:event',
});

/** Event names the page may subscribe to (ApiEvents in shared/api/contract.ts). */
export const BRIDGE_EVENTS = ['menu', 'before-quit', 'import.progress'] as const;
