// The lookup-sequence engine and the normalisation it compares with.
export * from './normalize';
export * from './lookup-sequence';
