import { describe, expect, it } from 'vitest';
import { CONTRACT, PushEvent, type ChannelName } from './contract.js';
import { listenerName, methodName } from './workbench-api.js';

describe("window.workbench's names, derived from the channel strings", () => {
  it('camel-cases area and action', () => {
    expect(methodName('hash:files')).toBe('hashFiles');
    expect(methodName('file:read-text')).toBe('fileReadText');
    expect(methodName('shell:open-external')).toBe('shellOpenExternal');
    expect(methodName('ota:diagnose')).toBe('otaDiagnose');
    expect(listenerName('job:progress')).toBe('onJobProgress');
    expect(listenerName('app:open-paths')).toBe('onAppOpenPaths');
    expect(listenerName('menu:command')).toBe('onMenuCommand');
  });

  it('gives every channel and event a distinct identifier', () => {
    const names = [
      ...(Object.keys(CONTRACT) as ChannelName[]).map((c) => methodName(c)),
      ...Object.values(PushEvent).map((e) => listenerName(e)),
    ];
    for (const n of names) expect(n).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('addDroppedFiles');
  });
});
