// Option builders run on every render and return new objects with new formatter closures, so echarts-for-react's
// deep comparison sees a change each time and redraws every chart of a page after any state change. Two options
// draw the same chart when they serialise the same, functions compared by their source text.

type Props = { option: unknown; style?: { height?: unknown } };

export function optionText(option: unknown): string {
  return JSON.stringify(option, (_key, v: unknown) => (typeof v === 'function' ? `fn:${String(v)}` : v));
}

/** For echarts-for-react's shouldSetOption: true when the new props draw something different. */
export function drawsDifferently(prev: Props, next: Props): boolean {
  return prev.style?.height !== next.style?.height || optionText(prev.option) !== optionText(next.option);
}
