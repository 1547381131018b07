import { createContext, useContext } from 'react';
import type { EngineClient } from '../../../core/ipc/client';

export const EngineContext = createContext<EngineClient | null>(null);

export function useEngine(): EngineClient {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine outside EngineContext');
  return engine;
}
