// A one-line explanation of each technical word in a text shown to the customer (from a report or an error).
import { strings } from '../../strings/index.js';
import { jargonIn } from './words.js';

export function Glossary({ text }: { text: string }) {
  const terms = jargonIn(text);
  if (terms.length === 0) return null;
  return (
    <div className="customer-glossary" data-testid="customer-glossary">
      <p className="customer-glossary-title">{strings.customer.glossaryHeading}</p>
      <ul>
        {terms.map((t) => (
          <li key={t}>{strings.customer.glossary[t]}</li>
        ))}
      </ul>
    </div>
  );
}

/** A problem in plain words, and (folded) the technical text behind it for support. */
export function ProblemText({ message, detail, testId }: { message: string; detail?: string; testId: string }) {
  return (
    <div className="customer-problem" role="alert" data-testid={testId}>
      <p>{message}</p>
      {detail !== undefined && detail !== '' && (
        <details>
          <summary>{strings.customer.checking.details}</summary>
          <p className="customer-detail">{detail}</p>
          <Glossary text={detail} />
        </details>
      )}
    </div>
  );
}
