// The package ships no types; this covers the one call the benchmark makes.
declare module 'dom-anchor-text-quote' {
  export function toTextPosition(
    root: Node,
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
}
