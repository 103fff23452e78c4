import { useEffect, useId, useState, type SyntheticEvent } from 'react';
import type { Issue } from '../../shared/ipc/envelope';
import {
  zoomFeatureNames,
  type ConnectInput,
  type ConnectionStatus,
  type ScopeWarning,
  type ZoomPlan,
} from '../../shared/zoomConnection';
import { useAppStore } from '../stores/useAppStore';
import { useZoomStore } from '../stores/useZoomStore';

const planNames: Readonly<Record<ZoomPlan, string>> = {
  pro: 'Pro (30 requests a second)',
  business: 'Business or above (80 requests a second)',
};

/** The fields of the connect form, by the names Cadence's answers give to their problems. */
const formFieldNames: ReadonlySet<string> = new Set<keyof ConnectInput>([
  'account_id',
  'client_id',
  'client_secret',
  'api_url',
  'oauth_url',
  'plan',
]);

function issueFor(issues: readonly Issue[] | undefined, field: string): string | undefined {
  return issues?.find((issue) => issue.path === field)?.message;
}

function Field(props: {
  label: string;
  name: keyof ConnectInput;
  value: string;
  onChange: (value: string) => void;
  issues: readonly Issue[] | undefined;
  type?: 'text' | 'password' | 'url';
  hint?: string;
}) {
  const id = useId();
  const problem = issueFor(props.issues, props.name);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem !== undefined}
        aria-describedby={problem === undefined ? undefined : `${id}-problem`}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      />
      {props.hint !== undefined && <p className="field-hint">{props.hint}</p>}
      {problem !== undefined && (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}

function PlanChoice(props: { plan: ZoomPlan; onChange: (plan: ZoomPlan) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Zoom plan</label>
      <select
        id={id}
        value={props.plan}
        disabled={props.disabled}
        onChange={(event) => {
          props.onChange(event.target.value === 'business' ? 'business' : 'pro');
        }}
      >
        <option value="pro">{planNames.pro}</option>
        <option value="business">{planNames.business}</option>
      </select>
      <p className="field-hint">Cadence keeps to the plan's API rate limits so that Zoom never has to refuse it.</p>
    </div>
  );
}

/** Credentials for a Server-to-Server OAuth app, checked with Zoom before they are kept. */
function ConnectForm({ keychainProblem }: { keychainProblem: string | null }) {
  const api = useAppStore((state) => state.api);
  const { task, error, connect, trySandbox } = useZoomStore();
  const [details, setDetails] = useState({
    account_id: '',
    client_id: '',
    client_secret: '',
    api_url: '',
    oauth_url: '',
  });
  const [plan, setPlan] = useState<ZoomPlan>('pro');
  const edit = (field: keyof typeof details) => (value: string) => {
    setDetails((current) => ({ ...current, [field]: value }));
  };
  const issues = error?.code === 'invalid_input' ? error.issues : undefined;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (api === undefined) return;
    const isConnected = await connect(api, {
      account_id: details.account_id,
      client_id: details.client_id,
      client_secret: details.client_secret,
      plan,
      ...(details.api_url.trim() === '' ? {} : { api_url: details.api_url.trim() }),
      ...(details.oauth_url.trim() === '' ? {} : { oauth_url: details.oauth_url.trim() }),
    });
    // The secret is gone from the page once Cadence holds it, and kept for a retry otherwise.
    if (isConnected) setDetails((current) => ({ ...current, client_secret: '' }));
  }

  return (
    <form className="connect-form" onSubmit={(event) => void submit(event)} aria-label="Connect to Zoom">
      <p className="muted">
        Create a Server-to-Server OAuth app in the Zoom App Marketplace with the Zoom Events scopes, then copy its
        credentials here. Cadence checks them with Zoom and keeps them in this computer's keychain.
      </p>
      {keychainProblem !== null && (
        <div className="banner warning" role="note" aria-label="No keychain">
          <p>{keychainProblem}</p>
          <p>Trying Cadence without a Zoom account needs no keychain.</p>
        </div>
      )}
      <Field
        label="Account ID"
        name="account_id"
        value={details.account_id}
        onChange={edit('account_id')}
        issues={issues}
      />
      <Field
        label="Client ID"
        name="client_id"
        value={details.client_id}
        onChange={edit('client_id')}
        issues={issues}
      />
      <Field
        label="Client secret"
        name="client_secret"
        type="password"
        value={details.client_secret}
        onChange={edit('client_secret')}
        issues={issues}
      />
      <PlanChoice plan={plan} onChange={setPlan} />
      <details className="advanced">
        <summary>Another API address (a sandbox or a proxy)</summary>
        <Field
          label="API address"
          name="api_url"
          type="url"
          value={details.api_url}
          onChange={edit('api_url')}
          issues={issues}
          hint="For example http://127.0.0.1:4000/v2"
        />
        <Field
          label="OAuth address"
          name="oauth_url"
          type="url"
          value={details.oauth_url}
          onChange={edit('oauth_url')}
          issues={issues}
          hint="For example http://127.0.0.1:4000/oauth/token"
        />
      </details>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={task !== undefined}>
          {task === 'connect' ? 'Checking with Zoom…' : 'Connect'}
        </button>
        <button
          type="button"
          className="button-quiet"
          disabled={task !== undefined || api === undefined}
          onClick={() => {
            if (api !== undefined) void trySandbox(api);
          }}
        >
          {task === 'sandbox' ? 'Starting the sandbox…' : 'Try without a Zoom account'}
        </button>
      </div>
    </form>
  );
}

const sourceTexts: Readonly<Record<NonNullable<ConnectionStatus['source']>, string>> = {
  environment: 'ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET',
  keychain: "This computer's keychain",
  sandbox: "The built-in sandbox's, which are not secret",
};

/** Scopes the token seems to lack: a warning, not an error, since Zoom decides what it allows. */
function ScopeWarnings({ warnings }: { warnings: readonly ScopeWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="banner warning" role="note" aria-label="Scope warnings">
      <p>The Zoom app's token seems to lack some scopes Cadence uses:</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.scope}>
            <code>{warning.scope}</code> — affects{' '}
            {warning.features.map((feature) => zoomFeatureNames[feature]).join(', ')}
          </li>
        ))}
      </ul>
      <p>Zoom decides; add them in the Zoom App Marketplace if a call is refused.</p>
    </div>
  );
}

/** The account Cadence is connected to, with test, plan and forget. */
function ConnectedAccount({ status }: { status: ConnectionStatus }) {
  const api = useAppStore((state) => state.api);
  const { task, hubs, lastTest, test, setPlan, forget } = useZoomStore();
  const [isConfirmingForget, setConfirmingForget] = useState(false);
  if (api === undefined) return null;
  return (
    <>
      <dl className="facts">
        <dt>Account</dt>
        <dd>{status.accountId}</dd>
        <dt>Credentials</dt>
        <dd>{status.source === null ? '' : sourceTexts[status.source]}</dd>
        <dt>API</dt>
        <dd>
          <code>{status.apiUrl}</code>
        </dd>
        {hubs !== undefined && (
          <>
            <dt>Hubs</dt>
            <dd>
              {hubs.length === 0
                ? 'None: ask a hub owner to make this account a host.'
                : hubs.map((h) => h.name).join(', ')}
            </dd>
          </>
        )}
      </dl>
      <ScopeWarnings warnings={status.scopeWarnings} />
      <PlanChoice plan={status.plan} disabled={task !== undefined} onChange={(plan) => void setPlan(api, plan)} />
      {lastTest !== undefined && (
        <p className="test-result" role="status">
          Signed in and read {lastTest.hubs.length === 1 ? '1 hub' : `${String(lastTest.hubs.length)} hubs`} in{' '}
          {String(Math.round(lastTest.elapsedMs))} ms.
        </p>
      )}
      <div className="actions">
        <button type="button" className="button-primary" disabled={task !== undefined} onClick={() => void test(api)}>
          {task === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        {status.source !== 'environment' &&
          (isConfirmingForget ? (
            <>
              <span>Remove the credentials from this computer?</span>
              <button
                type="button"
                className="button-danger"
                disabled={task !== undefined}
                onClick={() => {
                  setConfirmingForget(false);
                  void forget(api);
                }}
              >
                Forget
              </button>
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  setConfirmingForget(false);
                }}
              >
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-quiet"
              disabled={task !== undefined}
              onClick={() => {
                setConfirmingForget(true);
              }}
            >
              Forget credentials
            </button>
          ))}
      </div>
      {status.source === 'environment' && (
        <p className="muted">The credentials come from the environment; unset the ZOOM_* variables to disconnect.</p>
      )}
    </>
  );
}

/** Settings: the Zoom account Cadence syncs to. */
export function ZoomConnectionPanel() {
  const api = useAppStore((state) => state.api);
  const { status, error, task, load } = useZoomStore();
  useEffect(() => {
    if (api !== undefined) void load(api);
  }, [api, load]);
  const headingId = useId();
  // Problems with a field of the form show at that field; every other error shows here.
  const showsError =
    error !== undefined &&
    !(error.code === 'invalid_input' && error.issues.some((issue) => formFieldNames.has(issue.path)));
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Zoom account</h2>
      {showsError && (
        <div className="banner danger" role="alert">
          {error.message}
        </div>
      )}
      {status === undefined && (task === 'load' || error === undefined) ? (
        <p className="muted">Loading…</p>
      ) : status?.isConnected === true ? (
        <ConnectedAccount status={status} />
      ) : (
        // Also when the status could not be read: the ways to connect are offered all the same.
        <ConnectForm keychainProblem={status?.keychainProblem ?? null} />
      )}
    </section>
  );
}
