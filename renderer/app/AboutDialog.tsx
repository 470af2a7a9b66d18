// Help > About: a native modal <dialog> with the version, the platform, which implementation each
// algorithm uses here and which native packages fell back. Focus starts on Close; Escape closes it
// (the browser's own cancel), and focus goes back to where it was.
import './about.css';
import { useEffect, useId, useRef } from 'react';
import { create } from 'zustand';
import { ALGORITHMS } from '../../main/common/algorithms.js';
import type { AppInfo } from '../../main/common/ipc/contract.js';
import { api, settle } from '../actions/api.js';
import { strings } from '../strings/index.js';

const t = strings.about;

interface AboutState {
  open: boolean;
  info?: AppInfo;
  error?: string;
}

export const useAbout = create<AboutState>()(() => ({ open: false }));

export async function openAbout(): Promise<void> {
  useAbout.setState({ open: true, error: undefined });
  const result = await settle(() => api().appInfo());
  useAbout.setState(result.ok ? { info: result.value } : { error: t.failed(result.error.message) });
}

function Details({ info }: { info: AppInfo }) {
  return (
    <>
      <dl className="about-facts">
        <dt>{t.version}</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>{t.platform}</dt>
        <dd data-testid="about-platform">{t.platformValue(info.platform, info.arch)}</dd>
      </dl>
      <table className="about-table" data-testid="about-implementations">
        <caption>{t.implementationsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.algorithmHeader}</th>
            <th scope="col">{t.implementationHeader}</th>
          </tr>
        </thead>
        <tbody>
          {ALGORITHMS.map((a) => {
            const impl = info.implementations[a.id];
            return (
              <tr key={a.id} data-testid={`about-impl-${a.id}`}>
                <th scope="row">{a.label}</th>
                <td>{impl ? t.implementations[impl] : t.unavailable}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {info.fallbacks.length > 0 ? (
        <div>
          <h3>{t.fallbacksTitle}</h3>
          <ul className="about-fallbacks" data-testid="about-fallbacks">
            {info.fallbacks.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="about-all-native" data-testid="about-fallbacks">
          {t.allNative}
        </p>
      )}
    </>
  );
}

export function AboutDialog() {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const { open, info, error } = useAbout();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // Close first, not the scrolling region the browser would pick.
      closeButton.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  // Fires for Escape and the Close button alike.
  const onClose = () => {
    useAbout.setState({ open: false });
    returnTo.current?.focus();
    returnTo.current = null;
  };

  return (
    <dialog ref={ref} className="about-dialog" data-testid="about-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t.title}</h2>
      {/* Only this part scrolls, so the title and Close stay in view at any zoom. */}
      <div className="about-body" tabIndex={0} role="region" aria-labelledby={titleId}>
        <div aria-live="polite">
          {error && (
            <p className="card-error" data-testid="about-error">
              {error}
            </p>
          )}
          {!error && !info && <p>{t.loading}</p>}
        </div>
        {info && <Details info={info} />}
      </div>
      <div className="about-actions">
        <button ref={closeButton} type="button" className="primary" data-testid="about-close" onClick={() => ref.current?.close()}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
