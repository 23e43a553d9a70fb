// The login screen: log in by id and password, or register a new account.
import { h } from './dom.js';

/** What the login form asks for. */
export type LoginRequest =
  | { readonly mode: 'login'; readonly server: string; readonly userId: string; readonly password: string }
  | {
      readonly mode: 'register';
      readonly server: string;
      readonly userName: string;
      readonly password: string;
    };

/** The login form. `submit` rejects with an error to show, or resolves once logged in. */
export function loginView(
  defaults: { readonly server: string; readonly userId?: string; readonly notice?: string },
  submit: (request: LoginRequest) => Promise<void>,
): HTMLElement {
  const server = h('input', {
    id: 'server',
    name: 'server',
    type: 'text',
    required: true,
    value: defaults.server,
  });
  const account = h('input', {
    id: 'account',
    name: 'account',
    type: 'text',
    required: true,
    autocomplete: 'username',
    value: defaults.userId ?? '',
  });
  const accountLabel = h('label', { for: 'account' }, 'User id');
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const register = h('input', { id: 'register', name: 'register', type: 'checkbox' });
  const alert = h('p', { role: 'alert', class: 'error' }, defaults.notice ?? '');
  const button = h('button', { type: 'submit' }, 'Log in');
  register.addEventListener('change', () => {
    accountLabel.textContent = register.checked ? 'New user name' : 'User id';
    button.textContent = register.checked ? 'Register' : 'Log in';
    password.autocomplete = register.checked ? 'new-password' : 'current-password';
  });
  const form = h(
    'form',
    { class: 'login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'BirdTalk'),
    h('label', { for: 'server' }, 'Server'),
    server,
    accountLabel,
    account,
    h('label', { for: 'password' }, 'Password'),
    password,
    h('div', { class: 'check' }, register, h('label', { for: 'register' }, 'Register a new account')),
    button,
    alert,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    alert.textContent = '';
    const request: LoginRequest = register.checked
      ? {
          mode: 'register',
          server: server.value.trim(),
          userName: account.value.trim(),
          password: password.value,
        }
      : {
          mode: 'login',
          server: server.value.trim(),
          userId: account.value.trim(),
          password: password.value,
        };
    submit(request).catch((error: unknown) => {
      alert.textContent = error instanceof Error ? error.message : String(error);
      button.disabled = false;
      password.focus();
    });
  });
  queueMicrotask(() => (defaults.userId ? password : account).focus());
  return h('main', { class: 'login-page' }, form);
}
