/** Export of the current view (PNG, WebM): placeholder until the export module lands. */
export function ExportMenu() {
  return null;
}
