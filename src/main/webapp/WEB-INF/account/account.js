// The pages behind the links in account mails. The token comes from the fragment (#token=...), which
// browsers never send to a server or put in a Referer; nothing is sent until the user acts, so a mail
// scanner that opens the link uses nothing up.
'use strict';

(function () {
  const page = document.body.dataset.page;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) {
    // out of the address bar and the history, so that it is not shared by copying the address
    history.replaceState(null, '', window.location.pathname);
  }
  const status = document.getElementById('status');
  const api = (path) => new URL('../' + path, window.location.href).toString();

  function say(text, kind) {
    status.textContent = text;
    status.className = kind || '';
  }

  async function post(path, body, headers) {
    const form = body instanceof URLSearchParams;
    const type = body === null ? {} : { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' };
    const response = await fetch(api(path), {
      method: 'POST',
      headers: Object.assign(type, { 'Accept': 'application/json' }, headers || {}),
      body: body === null ? undefined : form ? body.toString() : JSON.stringify(body),
      credentials: 'omit',
      referrerPolicy: 'no-referrer'
    });
    let json = null;
    try {
      json = await response.json();
    } catch (ignored) {
      // 204 and the like
    }
    return { status: response.status, json: json };
  }

  function problemText(result) {
    if (result.json && Array.isArray(result.json.errors) && result.json.errors.length > 0) {
      return result.json.errors.map((error) => error.message).join('; ');
    }
    if (result.json && result.json.detail) {
      return result.json.detail;
    }
    return 'Something went wrong (' + result.status + '); try again in a moment.';
  }

  function showRequestForm(path, field) {
    document.getElementById('request').hidden = false;
    const form = document.getElementById('request-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button');
      button.disabled = true;
      try {
        const result = await post(path, { [field]: document.getElementById('request-email').value.trim() });
        if (result.status === 202) {
          form.hidden = true;
          say(result.json.detail, 'done');
        } else {
          say(problemText(result), 'error');
        }
      } catch (error) {
        say('The service cannot be reached; try again in a moment.', 'error');
      } finally {
        button.disabled = false;
      }
    });
  }

  function linkRefused(text) {
    document.getElementById('confirm').hidden = true;
    say(text, 'error');
  }

  // Sends the token (the user clicked): done, or the link is refused (then a new one can be asked for),
  // or another problem the user can fix and retry.
  async function useToken(button, path, body, done, requestPath) {
    button.disabled = true;
    say('Sending…');
    try {
      const result = await post(path, body);
      if (result.status === 200 || result.status === 204) {
        done(result);
      } else if (result.status === 400) {
        linkRefused(problemText(result));
        showRequestForm(requestPath, 'email');
      } else {
        say(problemText(result), 'error');
        button.disabled = false;
      }
    } catch (error) {
      say('The service cannot be reached; try again in a moment.', 'error');
      button.disabled = false;
    }
  }

  if (page === 'verify-email') {
    if (!token) {
      say('Open this page with the link from the mail; or ask for a new link below.');
      showRequestForm('auth/verify-email/resend', 'email');
      return;
    }
    document.getElementById('confirm').hidden = false;
    const button = document.getElementById('confirm-button');
    button.addEventListener('click', () => useToken(button, 'auth/verify-email', { token: token }, (result) => {
      document.getElementById('confirm').hidden = true;
      say('Your email address ' + result.json.email + ' is confirmed. You can close this page.', 'done');
    }, 'auth/verify-email/resend'));
  }

  if (page === 'reset-password') {
    if (!token) {
      showRequestForm('auth/password-reset', 'email');
      return;
    }
    document.getElementById('confirm').hidden = false;
    const form = document.getElementById('confirm-form');
    const button = document.getElementById('confirm-button');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const password = document.getElementById('new-password').value;
      if (password !== document.getElementById('repeat-password').value) {
        say('The two passwords differ; type the same one twice.', 'error');
        return;
      }
      useToken(button, 'auth/password-reset/confirm', { token: token, new_password: password }, () => {
        form.hidden = true;
        say('Your password was changed, and every device was signed out. Log in with the new password.', 'done');
      }, 'auth/password-reset');
    });
  }

  if (page === 'accept-invitation') {
    if (!token) {
      say('Open this page with the link from the invitation mail.');
      return;
    }
    document.getElementById('confirm').hidden = false;
    const form = document.getElementById('confirm-form');
    const button = document.getElementById('confirm-button');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      button.disabled = true;
      say('Signing in…');
      try {
        const login = await post('auth/login', new URLSearchParams({
          username: document.getElementById('email').value.trim(),
          password: document.getElementById('password').value
        }));
        if (login.status !== 200) {
          say(problemText(login), 'error');
          button.disabled = false;
          return;
        }
        const bearer = { 'Authorization': 'Bearer ' + login.json.access_token };
        const result = await post('invitations/accept', { token: token }, bearer);
        // the page needed a session only for this: it ends now
        await post('auth/logout', null, bearer).catch(() => null);
        if (result.status === 200) {
          form.hidden = true;
          say('You joined ' + result.json.name + ' as ' + result.json.role + '.', 'done');
        } else if (result.status === 400) {
          linkRefused(problemText(result) + ' Ask for a new invitation.');
        } else {
          say(problemText(result), 'error');
          button.disabled = false;
        }
      } catch (error) {
        say('The service cannot be reached; try again in a moment.', 'error');
        button.disabled = false;
      }
    });
  }
})();
