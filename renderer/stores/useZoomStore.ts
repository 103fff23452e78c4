import { create } from 'zustand';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError, IpcResult } from '../../shared/ipc/envelope';
import type { ConnectInput, ConnectionStatus, ConnectionTest, HubSummary, ZoomPlan } from '../../shared/zoomConnection';

export type ZoomTask = 'load' | 'connect' | 'sandbox' | 'test' | 'plan' | 'forget';

interface ZoomState {
  status: ConnectionStatus | undefined;
  hubs: HubSummary[] | undefined;
  lastTest: ConnectionTest | undefined;
  /** What is running now; buttons wait for it. */
  task: ZoomTask | undefined;
  error: IpcError | undefined;
  load: (api: CadenceApi) => Promise<void>;
  /** True when connected; the form keeps what was typed otherwise. */
  connect: (api: CadenceApi, input: ConnectInput) => Promise<boolean>;
  trySandbox: (api: CadenceApi) => Promise<void>;
  test: (api: CadenceApi) => Promise<void>;
  setPlan: (api: CadenceApi, plan: ZoomPlan) => Promise<void>;
  forget: (api: CadenceApi) => Promise<void>;
}

/** The Zoom connection as the Settings screen shows it. The secret is never kept here. */
export const useZoomStore = create<ZoomState>()((set, get) => {
  /**
   * Runs one call at a time; its error, if any, is shown until the next call. A call that fails
   * outright (the app's own process gone) ends the task too, with a message, so nothing waits forever.
   */
  async function run<T>(task: ZoomTask, call: () => Promise<IpcResult<T>>, onValue: (value: T) => void) {
    if (get().task !== undefined) return false;
    set({ task, error: undefined });
    let result: IpcResult<T>;
    try {
      result = await call();
    } catch (error) {
      result = { ok: false, error: unreachableCadence(error) };
    }
    if (result.ok) onValue(result.value);
    set({ task: undefined, error: result.ok ? undefined : result.error });
    return result.ok;
  }
  return {
    status: undefined,
    hubs: undefined,
    lastTest: undefined,
    task: undefined,
    error: undefined,
    async load(api) {
      await run(
        'load',
        () => api.zoom.status(),
        (status) => set({ status }),
      );
    },
    connect: (api, input) =>
      run(
        'connect',
        () => api.zoom.connect(input),
        ({ hubs, status }) => set({ hubs, status, lastTest: undefined }),
      ),
    async trySandbox(api) {
      await run(
        'sandbox',
        () => api.zoom.trySandbox(),
        ({ hubs, status }) => set({ hubs, status, lastTest: undefined }),
      );
    },
    async test(api) {
      await run(
        'test',
        () => api.zoom.test(),
        (lastTest) => set({ lastTest, hubs: lastTest.hubs }),
      );
    },
    async setPlan(api, plan) {
      await run(
        'plan',
        () => api.zoom.setPlan({ plan }),
        (status) => set({ status }),
      );
    },
    async forget(api) {
      await run(
        'forget',
        () => api.zoom.forget(),
        () => undefined,
      );
      set({ hubs: undefined, lastTest: undefined });
      await get().load(api);
    },
  };
});

function unreachableCadence(error: unknown): IpcError {
  const cause = error instanceof Error ? ` (${error.message})` : '';
  return {
    code: 'unavailable',
    message: `Cadence did not answer${cause}. Reload the page, or start Cadence again.`,
    issues: [],
  };
}
