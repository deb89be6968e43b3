// JSON as coloured tokens (keys, strings, numbers, literals), for bodies that parse.
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function JsonHighlight({ value }: { value: unknown }) {
  const text = JSON.stringify(value, null, 2) ?? '';
  const parts: Array<{ text: string; className?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const [whole, string, colon, literal, number] = match;
    if (string !== undefined) {
      parts.push({ text: string, className: colon ? 'text-sky-300' : 'text-emerald-300' });
      if (colon) parts.push({ text: colon });
    } else if (literal !== undefined) parts.push({ text: whole, className: 'text-fuchsia-300' });
    else if (number !== undefined) parts.push({ text: whole, className: 'text-amber-300' });
    last = match.index + whole.length;
  }
  parts.push({ text: text.slice(last) });
  return (
    <pre className="max-h-48 overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
      {parts.map((part, index) => (
        <span key={index} className={part.className}>
          {part.text}
        </span>
      ))}
    </pre>
  );
}
