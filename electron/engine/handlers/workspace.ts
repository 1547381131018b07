// Workspaces and the data basis for the app. A workspace is a database file in the folder of the
// current one (names only, never paths: the renderer cannot reach any other file). Switching
// closes the engine's connection and opens the other file; handlers read state.db on every call.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { generateDemo } from '../../../core/demo/generate';
import { CodedError } from '../../../core/result';
import type { BasisView } from '../../../core/ipc/workspace-contracts';
import { writeDemo } from '../../../db/demo/write-demo';
import { openDatabase } from '../../../db/open';
import { getDataset } from '../../../db/repos/datasets';
import { basisLine, readOverrides, resolveBasis, writeOverrides, type BasisInput, type Scope } from '../../../db/repos/basis';
import { writeReferenceData } from '../../../db/workspace/reference';
import type { Handlers } from '../dispatcher';
import type { EngineState } from '../state';

const stem = (file: string) => basename(file).replace(/\.sqlite$/, '');

function view(state: EngineState, scope: Scope): BasisView {
  const b = resolveBasis(state.db, scope);
  return { scope, hash: b.hash, rule: b.rule, line: basisLine(b), synthetic: b.summary.some((s) => s.synthetic), summary: b.summary, overrides: b.overrides };
}

export function workspaceHandlers(state: EngineState): Pick<Handlers, 'workspace.list' | 'workspace.switch' | 'basis.show' | 'basis.set'> {
  return {
    'workspace.list': () => {
      const folder = dirname(state.file);
      const names = readdirSync(folder)
        .filter((f) => f.endsWith('.sqlite'))
        .map(stem)
        .sort();
      return { current: stem(state.file), folder, workspaces: names.map((name) => ({ name, current: name === stem(state.file) })) };
    },
    'workspace.switch': ({ name, create }) => {
      const file = join(dirname(state.file), `${name}.sqlite`);
      if (create && existsSync(file)) throw new CodedError('bad_input', `工作区“${name}”已存在 / workspace ${name} already exists`);
      if (!create && !existsSync(file)) throw new CodedError('not_found', `工作区“${name}”不存在 / workspace ${name} does not exist`);
      const opened = openDatabase(file);
      if (create === 'demo') writeDemo(opened.db, generateDemo({ scale: 'province' }));
      else if (create === 'empty') writeReferenceData(opened.db);
      if (state.db.open) state.db.close();
      state.db = opened.db;
      state.file = file;
      state.readOnly = opened.readOnly;
      state.recovery = null;
      return { name, created: create !== undefined };
    },
    'basis.show': ({ scope }) => view(state, scope),
    'basis.set': ({ scope, add, clear }) => {
      if (add) {
        const kind = getDataset(state.db, add.datasetId)?.kind;
        if (kind === undefined) throw new CodedError('bad_input', `数据集 ${add.datasetId} 不存在 / dataset ${add.datasetId} does not exist`);
        if (kind !== (add.input.startsWith('fiscal:') ? 'fiscal' : add.input)) throw new CodedError('bad_input', `数据集 ${add.datasetId} 的类型是 ${kind}，不能用于 ${add.input} / dataset is ${kind}`);
      }
      state.db.transaction(() => writeOverrides(state.db, clear ? [] : [...readOverrides(state.db), ...(add ? [{ ...add, input: add.input as BasisInput }] : [])]))();
      return view(state, scope);
    },
  };
}
