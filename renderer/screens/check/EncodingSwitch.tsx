// How digests are written on every card and in every copy.
import { useId } from 'react';
import { ENCODINGS, isEncoding } from '../../../main/common/encodings.js';
import { chooseEncoding } from '../../actions/settings.js';
import { reportUnexpected } from '../../actions/unexpected.js';
import { strings } from '../../strings/index.js';
import { useWorkbench } from '../../store/index.js';

export function EncodingSwitch() {
  const id = useId();
  const encoding = useWorkbench((s) => s.encoding);
  return (
    <div className="encoding-switch">
      <label htmlFor={id}>{strings.check.encodingLabel}</label>
      <select
        id={id}
        data-testid="encoding"
        value={encoding}
        onChange={(e) => {
          if (isEncoding(e.target.value)) void chooseEncoding(e.target.value).catch(reportUnexpected);
        }}
      >
        {ENCODINGS.map((e) => (
          <option key={e} value={e}>
            {strings.check.encodingName(e)}
          </option>
        ))}
      </select>
    </div>
  );
}
