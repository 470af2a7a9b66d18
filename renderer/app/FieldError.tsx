// An error under the field it concerns, tied to it with aria-describedby by the caller.
export function FieldError({
  id,
  text,
  testId,
  className = 'ota-field-error',
}: {
  id: string;
  text: string | undefined;
  testId: string;
  className?: string;
}) {
  if (!text) return null;
  return (
    <p id={id} className={className} data-testid={testId}>
      {text}
    </p>
  );
}

/** aria-describedby from the ids that are present: a hint always, an error when there is one. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return list.length ? list.join(' ') : undefined;
}
