import type { IpcError } from '../../shared/ipc/envelope';

/** A refusal or failure Cadence reported, announced as it appears; nothing when there is none. */
export function ErrorBanner({ error }: { error: IpcError | undefined }) {
  if (error === undefined) return null;
  return (
    <div className="banner danger" role="alert">
      {error.message}
    </div>
  );
}
