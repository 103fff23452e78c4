/**
 * Payloads every channel must refuse, whatever its schema: inputs are always strict objects.
 * Each entry names the kind of mistake it stands for.
 */
export const malformedPayloads: readonly { kind: string; payload: unknown }[] = [
  { kind: 'null', payload: null },
  { kind: 'a string', payload: 'app.info' },
  { kind: 'a number', payload: 42 },
  { kind: 'an array', payload: [{}] },
  { kind: 'an unknown field', payload: { unexpected: 'field' } },
  { kind: 'a __proto__ key', payload: JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown },
];
