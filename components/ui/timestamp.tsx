/**
 * A UTC date and time to the minute. The same text on the server and in the browser
 * (a locale format would differ between them and break hydration).
 */
export function Timestamp({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {iso.slice(0, 16).replace('T', ' ')} UTC
    </time>
  );
}
