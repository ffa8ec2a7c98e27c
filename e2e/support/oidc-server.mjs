// A real OpenID Connect provider on localhost for the single sign-on tests (oidc-provider, with its
// development login screen: whatever one types as the login becomes the account, its email verified
// unless the login starts with "unverified.").
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 3101);
const appUrl = process.env.APP_URL ?? 'http://localhost:3100';

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: 'registry',
      client_secret: 'registry-test-secret',
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        const email = id.replace(/^unverified\./, '');
        return { sub: id, email, email_verified: !id.startsWith('unverified.'), name: email.split('@')[0] };
      },
    };
  },
  cookies: { keys: ['oidc-test-cookie-key'] },
});
provider.proxy = false;

provider.listen(port, 'localhost', () => {
  console.log(`oidc test provider on http://localhost:${port}`);
});
