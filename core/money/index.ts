export * from './fen';
export * from './decimal';
export * from './format';
export * from './ratio';
