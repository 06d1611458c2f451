// Option builders run on every render and return new objects with new formatter closures, so echarts-for-react's
// deep comparison sees a change each time and redraws every chart of a page after any state change. Two options
// draw the same chart when they serialise the same, functions compared by their source text.

type Props = { option: unknown; style?: { height?: unknown } };

// Every render compares the previous option with the new one: keep each option's text so it is serialised once.
const texts = new WeakMap<object, string>();

function optionText(option: unknown): string {
  const cached = typeof option === 'object' && option !== null ? texts.get(option) : undefined;
  if (cached !== undefined) return cached;
  const text = JSON.stringify(option, (_key, v: unknown) => (typeof v === 'function' ? `fn:${String(v)}` : v));
  if (typeof option === 'object' && option !== null) texts.set(option, text);
  return text;
}

/** For echarts-for-react's shouldSetOption: true when the new props draw something different. */
export function drawsDifferently(prev: Props, next: Props): boolean {
  if (prev.style?.height !== next.style?.height) return true;
  return prev.option !== next.option && optionText(prev.option) !== optionText(next.option);
}
