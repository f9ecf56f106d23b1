/**
 * How every form shows its problems: all of them at once, each beside its field, focus on
 * the first (scrolled into view), so nobody has to hunt for what went wrong.
 */

/** The id of the input for a field the server named (``schedule.weekdays`` → ``schedule-weekdays``). */
export function inputIdFor(field: string): string {
  return field.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '');
}

/** After the errors render, focus the first marked field in ``form`` (or a message about
 * the whole form, marked ``data-problem``) and bring it into view. */
export function focusFirstProblem(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"], [data-problem]');
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'center', behavior: 'auto' });
  });
}
