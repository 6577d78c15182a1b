// A real OpenID Connect provider (the oidc-provider package) for the external sign-in tests. It listens on a free
// port of 127.0.0.1 only, prints "READY <issuer>" once it takes requests, and exits when its standard input
// closes, so it cannot outlive the test run that started it.
//
// The clients come as JSON in the OIDC_CLIENTS environment variable. Anyone can sign in through the development
// login form: the login typed there is the account's e-mail address, reported as verified unless it starts with
// "unverified:". Nothing here is meant for anything but tests.
import { createHash } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');

const unverifiedPrefix = 'unverified:';

function claimsOf(login) {
  const verified = !login.startsWith(unverifiedPrefix);
  const email = verified ? login : login.slice(unverifiedPrefix.length);
  // An opaque subject, as real providers give, so that the app cannot mistake it for the e-mail address.
  const sub = createHash('sha256').update(email).digest('hex').slice(0, 24);
  const name = email.split('@')[0].split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
  return { sub, email, email_verified: verified, name };
}

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  // Every client must send a PKCE challenge: the app is expected to.
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  cookies: { keys: ['only-for-tests-on-loopback'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return claimsOf(id);
      },
    };
  },
});

server.on('request', provider.callback());
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
console.log(`READY ${issuer}`);
