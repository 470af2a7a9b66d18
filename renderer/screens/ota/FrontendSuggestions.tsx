// Frontends suggested for the form: the app host's DNS addresses and the BIG-IP pool members that cookies in the
// report shown name, each with where it came from (main's ota:suggest-frontends). The agent adds the ones wanted;
// nothing is added by itself.
import { useState } from 'react';
import { cookieSightings, originText, type SuggestResult } from '../../../main/common/ota/frontend-suggestions.js';
import { api, settle } from '../../actions/api.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { addFrontend, editRows } from './actions.js';
import { checkAppUrl } from './form-model.js';
import { useOta } from './store.js';

const s = strings.result.suggest;

type State = { busy: true } | { busy: false; result?: SuggestResult; error?: string };

async function suggest(set: (s: State) => void): Promise<void> {
  const st = useOta.getState();
  const url = checkAppUrl(st.form.appUrl);
  if ('error' in url) return set({ busy: false, error: s.needUrl });
  set({ busy: true });
  // Cookies already seen for this app (a report of it on screen) name the balancer's pool members.
  const report = st.report;
  const sameApp = report?.runs.some((r) => r.appUrl === url.url);
  const sightings = report && sameApp ? cookieSightings(report) : [];
  const result = await settle(() => api().otaSuggestFrontends({ appUrl: url.url, ...(sightings.length ? { sightings } : {}) }));
  set(result.ok ? { busy: false, result: result.value } : { busy: false, error: result.error.message });
}

function add(address: string): void {
  const row = addFrontend();
  editRows((rows) => rows.map((r) => (r.id === row.id ? { ...r, address } : r)));
}

export function FrontendSuggestions() {
  const [state, setState] = useState<State>({ busy: false });
  const rows = useOta((st) => st.form.frontends);
  const taken = new Set(rows.map((r) => r.address.trim().toLowerCase()));
  const result = state.busy ? undefined : state.result;
  return (
    <div className="ota-suggest" data-testid="ota-suggest-box">
      <button type="button" data-testid="ota-suggest" disabled={state.busy} onClick={() => void suggest(setState).catch(reportUnexpected)}>
        {state.busy ? s.busy : s.button}
      </button>
      {!state.busy && state.error && (
        <p className="ota-inline-error" role="alert" data-testid="ota-suggest-error">
          {state.error}
        </p>
      )}
      {result && (
        <div role="status">
          {result.suggestions.length === 0 ? (
            <p className="ota-muted" data-testid="ota-suggest-none">
              {s.none(result.host)}
            </p>
          ) : (
            <ul className="ota-suggestions plain-list" aria-label={s.label(result.host)}>
              {result.suggestions.map((g, i) => {
                const added = taken.has(g.address.toLowerCase());
                return (
                  <li key={g.address} data-testid="ota-suggestion" data-address={g.address}>
                    <code className="ota-hash">{g.address}</code>
                    <button
                      type="button"
                      data-testid={`ota-suggestion-add-${i}`}
                      disabled={added}
                      aria-label={s.addLabel(g.address)}
                      onClick={() => add(g.address)}
                    >
                      {added ? s.added : s.add}
                    </button>
                    <ul className="ota-hint">
                      {g.origins.map((o, j) => (
                        <li key={j}>{originText(o)}</li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          )}
          {result.problems.length > 0 && (
            <ul className="ota-hint" data-testid="ota-suggest-problems">
              {result.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
