'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A card whose content scrolls sideways inside it when wider than the page (never widening
 * the page itself). While content is hidden to the right, a fade and a "Scroll → for more"
 * line say so, and the card can be scrolled with the keyboard.
 */
export function SidewaysScroll({ label, children }: { label: string; children: ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ scrollable: false, moreToTheRight: false });

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      const hidden = element.scrollWidth - element.clientWidth;
      // A pixel of rounding is not hidden content.
      setOverflow({ scrollable: hidden > 1, moreToTheRight: hidden - element.scrollLeft > 1 });
    };
    const resized = new ResizeObserver(measure);
    resized.observe(element);
    if (element.firstElementChild) resized.observe(element.firstElementChild);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      resized.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  return (
    <div>
      <div className="relative">
        <div
          ref={scroller}
          className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-500"
          {...(overflow.scrollable ? { tabIndex: 0, role: 'region', 'aria-label': `${label}, scrolls sideways` } : {})}
        >
          {children}
        </div>
        {overflow.moreToTheRight ? <div aria-hidden className="pointer-events-none absolute inset-y-0 right-0 w-12 rounded-r-lg bg-linear-to-l from-white to-transparent" /> : null}
      </div>
      {overflow.moreToTheRight ? <p className="mt-1 text-right text-xs text-slate-500">Scroll → for more</p> : null}
    </div>
  );
}
