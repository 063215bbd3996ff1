// Kept out of index.html so that a Content-Security-Policy without 'unsafe-inline' can serve the page.
window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    persistAuthorization: true,
    // the order a newcomer follows: register, log in, then the account
    operationsSorter: (a, b) => rank(a) - rank(b)
});

function rank(operation) {
    const order = ['post /auth/register', 'post /auth/login', 'get /users/me', 'patch /users/me'];
    const index = order.indexOf(operation.get('method') + ' ' + operation.get('path'));
    return index < 0 ? order.length : index;
}
