// Customer mode: the OTA check for a customer following a support case, one step per screen with
// Back / Next, in plain words. The check runs in main (vantage 'customer'); this screen gathers the
// inputs, follows the progress and shows the customer's sentence of the report.
import { useEffect, useRef, type JSX } from 'react';
import './customer.css';
import { strings } from '../../strings/index.js';
import { back, next } from './actions.js';
import { AddressStep } from './AddressStep.js';
import { CaptureStep } from './CaptureStep.js';
import { CheckingStep } from './CheckingStep.js';
import { ErrorStep } from './ErrorStep.js';
import { useHarDropTarget } from './HarDrop.js';
import { IntroStep } from './IntroStep.js';
import { ResultStep } from './ResultStep.js';
import { focusDone, STEP_COUNT, stepNumber, useCustomer, type Step } from './store.js';

const s = strings.customer;

const BODIES: Record<Step, () => JSX.Element> = {
  intro: IntroStep,
  error: ErrorStep,
  address: AddressStep,
  capture: CaptureStep,
  checking: CheckingStep,
  // The result is drawn inside the live region below, so it is read out when it arrives.
  result: () => <></>,
};

function StepButtons({ step }: { step: Step }) {
  const running = useCustomer((st) => st.run.status === 'running');
  const showBack = step !== 'intro' && !(step === 'checking' && running);
  const showNext = step === 'intro' || step === 'error' || step === 'address' || step === 'capture';
  if (!showBack && !showNext) return null;
  return (
    <div className="customer-buttons" role="group" aria-label={s.stepsLabel}>
      {showBack && (
        <button type="button" data-testid="customer-back" onClick={back}>
          {s.back}
        </button>
      )}
      {showNext && (
        <button type="button" className="primary" data-testid="customer-next" onClick={next}>
          {step === 'capture' ? s.capture.start : s.next}
        </button>
      )}
    </div>
  );
}

export function CustomerScreen() {
  const step = useCustomer((st) => st.step);
  const focusPending = useCustomer((st) => st.focusPending);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Screen readers announce the focused heading: the new step is heard as well as seen.
    if (!focusPending) return;
    heading.current?.focus();
    focusDone();
  }, [step, focusPending]);

  const dropTarget = useHarDropTarget(step === 'capture');
  const Body = BODIES[step];
  return (
    <section className="screen customer" aria-labelledby="screen-title" {...dropTarget}>
      <div className="customer-column">
        <h1 id="screen-title">{s.title}</h1>
        <p className="customer-step" data-testid="customer-step" data-step={step}>
          {s.stepOf(stepNumber(step), STEP_COUNT)}
        </p>
        <h2 ref={heading} tabIndex={-1} className="customer-heading" data-testid="customer-heading">
          {s.headings[step]}
        </h2>
        <Body />
        <div aria-live="polite" className="customer-live">
          {step === 'result' && <ResultStep />}
        </div>
        <StepButtons step={step} />
      </div>
    </section>
  );
}
