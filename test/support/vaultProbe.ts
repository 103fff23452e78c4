// Reads credentials through the real vault and prints the outcome as JSON; run in a child process
// by test/integration/vault/credentialVault.test.ts, so it can be given a different environment.
import { createCredentialVault } from '../../main/vault/credentialVault';
import { osKeychain } from '../../main/vault/keychain';

const service = process.env.CADENCE_PROBE_SERVICE ?? 'Cadence-probe';
createCredentialVault(osKeychain(service))
  .read()
  .then(
    (stored) => process.stdout.write(JSON.stringify({ ok: true, source: stored?.source ?? null })),
    (error: unknown) =>
      process.stdout.write(
        JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      ),
  );
