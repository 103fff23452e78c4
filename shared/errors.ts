import type { IpcError, IpcErrorCode, Issue } from './ipc/envelope';

/**
 * An expected failure with a planner-readable message. Services throw it; every host turns it
 * into the `{ code, message, issues }` envelope (or an exit status, in the CLI).
 */
export class CadenceError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: Issue[];

  constructor(code: IpcErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'CadenceError';
    this.code = code;
    this.issues = issues;
  }

  toIpcError(): IpcError {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}
