/** Page frame: sets the document title and moves focus to the heading on navigation. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function Page({
  title,
  heading,
  children,
  className,
}: {
  title: string;
  heading?: ComponentChildren;
  children: ComponentChildren;
  className?: string;
}): JSX.Element {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title === 'Steady' ? 'Steady' : `${title} · Steady`;
    // Screen readers hear where they arrived; sighted users see no focus ring on load.
    if (document.body.dataset.navigated === 'yes') headingRef.current?.focus({ preventScroll: false });
    document.body.dataset.navigated = 'yes';
  }, [title]);
  return (
    <div class={className}>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </div>
  );
}
